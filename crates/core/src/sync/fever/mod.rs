//! The Fever API (FreshRSS, Miniflux, Coldsweat): read and starred state both ways, new articles
//! by id, and subscriptions read-only: Fever has no call to subscribe, rename or move a feed.
//!
//! Every call is `POST <api>?api&<command>` with `api_key = md5("user:password")` as a form
//! field: Coldsweat refuses the key in the query string (`{"auth":0}` with HTTP 200) and reads
//! `mark` only from the form. There is no session; the key is the login. Responses are parsed
//! by [`parse`], pure functions this module only feeds with bodies.

pub mod parse;

use std::collections::HashSet;

use md5::{Digest, Md5};
use url::Url;

use super::{
    Backend, Capabilities, ItemPage, Login, Mark, RemoteFeed, RemoteLabel, SyncError, SyncHttp,
    no_labels,
};

/// Fever servers send at most this many items per call (the API's own number; Coldsweat and
/// FreshRSS both apply it): a shorter page is the last.
const PAGE: usize = 50;

/// Articles asked about per check of what the server still keeps: Fever can only be asked
/// about given ids, 50 a call, so a check is at most 40 calls (the first ids, the oldest).
const KEPT_CHECKED: usize = 2_000;

pub struct Fever {
    http: SyncHttp,
    /// The API's address, without its query.
    api: Url,
    api_key: String,
}

// The key is as good as the password: never print it.
impl std::fmt::Debug for Fever {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fever")
            .field("api", &self.api.as_str())
            .finish_non_exhaustive()
    }
}

impl Fever {
    async fn call(&self, command: &str, form: &[(&str, &str)]) -> Result<Vec<u8>, SyncError> {
        call(&self.http, &self.api, &self.api_key, command, form).await
    }

    async fn mark_one(&self, id: &str, status: &str) -> Result<(), SyncError> {
        let form = [("mark", "item"), ("as", status), ("id", id)];
        let body = self.call("", &form).await?;
        parse::authorized(&body).map(|_| ())
    }
}

impl Backend for Fever {
    async fn log_in(http: SyncHttp, login: &Login) -> Result<Fever, SyncError> {
        let api_key = api_key(&login.user, &login.password);
        let mut last_error = None;
        for api in candidates(&login.url)? {
            let answer = call(&http, &api, &api_key, "", &[]).await;
            match answer.and_then(|body| parse::authorized(&body).map(|_| ())) {
                Ok(()) => return Ok(Fever { http, api, api_key }),
                // Not a Fever API here (a web page, a 404): the next address may be.
                Err(error @ (SyncError::BadResponse(_) | SyncError::Refused(_))) => {
                    last_error = Some((api, error));
                }
                Err(error) => return Err(error),
            }
        }
        Err(match last_error {
            Some((api, error)) => {
                SyncError::BadResponse(format!("no Fever API answered at {api}: {error}"))
            }
            None => SyncError::BadResponse("no address to try".to_string()),
        })
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }

    async fn feeds(&mut self) -> Result<Vec<RemoteFeed>, SyncError> {
        let feeds = parse::feeds(&self.call("feeds", &[]).await?)?;
        let titles = parse::groups(&self.call("groups", &[]).await?)?;
        log_rejected("feeds", &feeds.rejected);
        Ok(feeds
            .feeds
            .into_iter()
            .map(|feed| RemoteFeed {
                folder: feeds
                    .group_of
                    .get(&feed.id)
                    .and_then(|group| titles.get(group))
                    .cloned(),
                id: feed.id,
                title: feed.title,
                url: feed.url,
                site_url: feed.site_url,
            })
            .collect())
    }

    async fn new_items(&mut self, cursor: Option<&str>) -> Result<ItemPage, SyncError> {
        let since = match cursor {
            None => 0,
            Some(cursor) => cursor.parse::<u64>().map_err(|_| {
                SyncError::BadResponse(format!(
                    "the stored sync position {cursor:?} is not a Fever item id"
                ))
            })?,
        };
        // Always with since_id: without it FreshRSS sends 50 items in no particular order.
        let command = format!("items&since_id={since}");
        let page = parse::items(&self.call(&command, &[]).await?, since)?;
        log_rejected("items", &page.rejected);
        let highest = page.highest_id.unwrap_or(since).max(since);
        if page.received > 0 && highest == since {
            return Err(SyncError::BadResponse(format!(
                "asked for articles after {since}, the server sent only older ones again"
            )));
        }
        Ok(ItemPage {
            items: page.items,
            cursor: highest.to_string(),
            done: page.received < PAGE,
        })
    }

    async fn unread_ids(&mut self) -> Result<Vec<String>, SyncError> {
        let body = self.call("unread_item_ids", &[]).await?;
        parse::id_list(&body, "unread_item_ids")
    }

    async fn starred_ids(&mut self) -> Result<Vec<String>, SyncError> {
        let body = self.call("saved_item_ids", &[]).await?;
        parse::id_list(&body, "saved_item_ids")
    }

    /// One call per article (Fever marks one item at a time). An article the server does not
    /// know is skipped and the rest still sent; they are named together in one
    /// [`SyncError::Refused`] at the end. Any other failure stops at once: what was sent stays
    /// sent, and marking again is harmless.
    /// Asks `items&with_ids` about the first 2,000 ids, 50 a call; the rest count as kept.
    async fn kept(&mut self, ids: &[String]) -> Result<HashSet<String>, SyncError> {
        let (checked, unchecked) = ids.split_at(ids.len().min(KEPT_CHECKED));
        let mut kept: HashSet<String> = unchecked.iter().cloned().collect();
        for batch in checked.chunks(PAGE) {
            if let Some(bad) = batch.iter().find(|id| id.parse::<u64>().is_err()) {
                return Err(SyncError::BadResponse(format!(
                    "{bad:?} is not a Fever item id"
                )));
            }
            let command = format!("items&with_ids={}", batch.join(","));
            let named = parse::named_ids(&self.call(&command, &[]).await?)?;
            kept.extend(named.into_iter().filter(|id| batch.contains(id)));
        }
        Ok(kept)
    }

    async fn mark(&mut self, ids: &[String], mark: &Mark) -> Result<(), SyncError> {
        let status = match mark {
            Mark::Read => "read",
            Mark::Unread => "unread",
            Mark::Starred => "saved",
            Mark::Unstarred => "unsaved",
            Mark::Labelled(_) | Mark::Unlabelled(_) => return Err(no_labels("Fever")),
        };
        let mut refused = Vec::new();
        for id in ids {
            // FreshRSS answers success to an id that is not a number, and changes nothing.
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
                refused.push(format!("{id:?} (not a Fever item id)"));
                continue;
            }
            match self.mark_one(id, status).await {
                Ok(()) => {}
                Err(SyncError::Refused(why)) => refused.push(format!("{id} ({why})")),
                Err(error) => return Err(error),
            }
        }
        if refused.is_empty() {
            Ok(())
        } else {
            Err(SyncError::Refused(format!(
                "the server did not mark {} article(s): {}",
                refused.len(),
                refused.join(", ")
            )))
        }
    }

    async fn labels(&mut self) -> Result<Vec<RemoteLabel>, SyncError> {
        Ok(Vec::new())
    }

    async fn subscribe(&mut self, _: &str, _: Option<&str>) -> Result<RemoteFeed, SyncError> {
        Err(unsupported("add feeds"))
    }

    async fn unsubscribe(&mut self, _: &str) -> Result<(), SyncError> {
        Err(unsupported("remove feeds"))
    }

    async fn rename_feed(&mut self, _: &str, _: &str) -> Result<(), SyncError> {
        Err(unsupported("rename feeds"))
    }

    async fn move_feed(&mut self, _: &str, _: Option<&str>) -> Result<(), SyncError> {
        Err(unsupported("move feeds between folders"))
    }
}

/// `md5("user:password")` in hex, as the Fever API defines its key.
pub fn api_key(user: &str, password: &str) -> String {
    let digest = Md5::digest(format!("{user}:{password}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where the API may be, from what a person typed: the API's own address (`…/api/fever.php`,
/// `…/fever/`), else that address and FreshRSS's `api/fever.php` under it.
fn candidates(typed: &str) -> Result<Vec<Url>, SyncError> {
    let mut url = Url::parse(typed.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .ok_or_else(|| SyncError::Unreachable(format!("{typed:?} is not a web address")))?;
    url.set_query(None);
    url.set_fragment(None);
    let last = url
        .path_segments()
        .and_then(|mut s| s.rfind(|s| !s.is_empty()))
        .unwrap_or_default()
        .to_string();
    if last == "fever" && !url.path().ends_with('/') {
        // Coldsweat redirects `/fever` to `/fever/`, and a redirect turns our POST into a GET.
        url.set_path(&format!("{}/", url.path()));
    }
    if last == "fever" || last.ends_with(".php") {
        return Ok(vec![url]);
    }
    if !url.path().ends_with('/') {
        url.set_path(&format!("{}/", url.path()));
    }
    let under = url
        .join("api/fever.php")
        .map_err(|e| SyncError::Unreachable(e.to_string()))?;
    Ok(vec![url, under])
}

async fn call(
    http: &SyncHttp,
    api: &Url,
    api_key: &str,
    command: &str,
    form: &[(&str, &str)],
) -> Result<Vec<u8>, SyncError> {
    let mut url = api.clone();
    url.set_query(Some(&if command.is_empty() {
        "api".to_string()
    } else {
        format!("api&{command}")
    }));
    let mut fields = vec![("api_key", api_key)];
    fields.extend_from_slice(form);
    let request = http.client().post(url).form(&fields);
    Ok(http.send(request).await?.body)
}

fn unsupported(what: &str) -> SyncError {
    SyncError::Unsupported(format!(
        "The Fever API cannot {what}: do it on the server's web page, then sync."
    ))
}

fn log_rejected(what: &str, rejected: &[String]) {
    if !rejected.is_empty() {
        tracing::warn!(count = rejected.len(), first = %rejected[0], "Fever {what} left out");
    }
}

#[cfg(test)]
mod tests;
