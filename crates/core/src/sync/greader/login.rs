//! Finding the API under the address a person typed, and logging in there.

use super::parse;
use crate::sync::{Login, SyncError, SyncHttp};

/// The bases to try for the address a person typed: the API's own address as given, then, for
/// a site's root (FreshRSS), `api/greader.php` under it.
pub(super) fn candidates(typed: &str) -> Result<Vec<String>, SyncError> {
    let typed = typed.trim();
    // What a person types is often a bare host name.
    let with_scheme = if typed.contains("://") {
        typed.to_string()
    } else {
        format!("https://{typed}")
    };
    let mut url = url::Url::parse(&with_scheme)
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
        .ok_or_else(|| SyncError::Unreachable(format!("{typed:?} is not an http(s) address")))?;
    url.set_query(None);
    url.set_fragment(None);
    let base = url.as_str().trim_end_matches('/').to_string();
    if base.ends_with("/greader.php") {
        return Ok(vec![base]);
    }
    let under = format!("{base}/api/greader.php");
    Ok(vec![base, under])
}

/// ClientLogin at `base`: the `Auth` value, or `None` when something else answered there.
pub(super) async fn client_login(
    http: &SyncHttp,
    base: &str,
    login: &Login,
) -> Result<Option<String>, SyncError> {
    let request = http
        .client()
        .post(format!("{base}/accounts/ClientLogin"))
        .form(&[
            ("Email", login.user.as_str()),
            ("Passwd", login.password.as_str()),
            ("client", "Tidings"),
        ]);
    let answer = http.send(request).await?;
    Ok(parse::login_auth(&answer.body))
}

/// Inoreader takes ClientLogin only from registered apps; its people need to be told.
pub(super) fn auth_error(base: &str, detail: String) -> SyncError {
    let host = url::Url::parse(base)
        .ok()
        .and_then(|url| url.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default();
    if host == "inoreader.com" || host.ends_with(".inoreader.com") {
        return SyncError::Auth(
            "Inoreader needs its app password or OAuth sign-in, which Tidings does not do yet"
                .to_string(),
        );
    }
    SyncError::Auth(detail)
}
