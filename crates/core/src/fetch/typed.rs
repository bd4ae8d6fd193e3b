//! Addresses as people type them. One typed without a scheme (`example.com/feed`) means https;
//! when no secure site answers there, it is tried with http, since many small sites (and
//! servers on this computer) offer nothing else.

use url::Url;

use super::{FetchError, FetchOutcome, Fetcher, Validators, check_web_url};

/// Reads what a person typed as a feed or page address. A missing scheme means https.
pub fn parse_web_url(input: &str) -> Result<Url, FetchError> {
    let input = input.trim();
    let invalid = |reason: &str| FetchError::InvalidUrl {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    if input.is_empty() {
        return Err(invalid("the address is empty"));
    }
    let with_scheme = if has_scheme(input) {
        input.to_string()
    } else {
        format!("https://{input}")
    };
    let url = Url::parse(&with_scheme).map_err(|e| invalid(&e.to_string()))?;
    check_web_url(&url)?;
    Ok(url)
}

fn has_scheme(input: &str) -> bool {
    input.contains("://")
}

impl Fetcher {
    /// GETs `url`, which [`parse_web_url`] read from what a person typed (`input`). Typed without
    /// a scheme, and with no secure site answering, it is fetched again with http. Returns the
    /// address that was fetched in the end, and how that went: when both failed, what https
    /// said, unless the plain server answered (with an error status, say).
    pub async fn get_typed(
        &self,
        input: &str,
        url: Url,
    ) -> (Url, Result<FetchOutcome, FetchError>) {
        let secure = self.get(&url, &Validators::default()).await;
        let tried_plain = match &secure {
            Err(error) if !has_scheme(input.trim()) && error.may_be_plain_http() => {
                let mut plain = url.clone();
                plain.set_scheme("http").ok().map(|()| plain)
            }
            _ => None,
        };
        let Some(plain) = tried_plain else {
            return (url, secure);
        };
        match self.get(&plain, &Validators::default()).await {
            Err(FetchError::Connect { .. }) => (url, secure),
            answered => {
                tracing::info!(%url, "no secure site answered; read with http");
                (plain, answered)
            }
        }
    }
}
