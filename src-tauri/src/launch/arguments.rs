//! What the system hands Tidings when a person opens something with it: a `feed:` link clicked in
//! a browser (the desktop file registers `x-scheme-handler/feed`), a web address, or a feed file
//! saved to disk (`application/rss+xml`, `application/atom+xml`) — each becomes the address to
//! subscribe to, which the app offers in its "Add a feed" dialog rather than subscribing
//! silently: a link on a web page must not be able to change the library on its own — or an
//! article's `tidings://article/ID` link in a note Tidings exported (`x-scheme-handler/tidings`),
//! which shows the article.

use std::path::Path;

use url::Url;

use tidings_core::api::LaunchRequest;
use tidings_core::{export, feeds};

/// A feed file bigger than this is not a feed anyone saved by hand.
const MAX_FEED_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// What the first launch argument about an article or a feed asks for, if any does.
pub fn launch_request<I: IntoIterator<Item = String>>(arguments: I) -> Option<LaunchRequest> {
    arguments.into_iter().find_map(|argument| {
        if let Some(article) = export::linked_article(&argument) {
            return Some(match article {
                Ok(article_id) => LaunchRequest::OpenArticle { article_id },
                Err(reason) => LaunchRequest::Refused { reason },
            });
        }
        subscription_address(&argument).map(|found| match found {
            Ok(address) => LaunchRequest::Offer { address },
            Err(reason) => LaunchRequest::Refused { reason },
        })
    })
}

/// The address a launch argument asks to subscribe to; `None` when the argument is not about a
/// feed at all (an option, say), and an error a person can read when it is but cannot be used.
pub fn subscription_address(argument: &str) -> Option<Result<String, String>> {
    let argument = argument.trim();
    if argument.is_empty() || argument.starts_with('-') {
        return None;
    }
    if let Some(address) = from_feed_scheme(argument) {
        return Some(web_address(&address).ok_or_else(|| not_a_web_address(argument)));
    }
    if let Some(address) = web_address(argument) {
        return Some(Ok(address));
    }
    let path = match Url::parse(argument) {
        Ok(url) if url.scheme() == "file" => url.to_file_path().ok()?,
        Ok(_) => return Some(Err(not_a_web_address(argument))),
        Err(_) => Path::new(argument).to_path_buf(),
    };
    Some(address_in_file(&path))
}

/// `feed:https://host/x` and `feeds:https://host/x` wrap the address; `feed://host/x` stands for
/// `http://host/x` (and `feeds://` for https), as browsers have always read them.
fn from_feed_scheme(argument: &str) -> Option<String> {
    let (scheme, rest) = argument.split_once(':')?;
    let secure = match scheme.to_ascii_lowercase().as_str() {
        "feed" => false,
        "feeds" => true,
        _ => return None,
    };
    Some(match rest.strip_prefix("//") {
        Some(host_and_path) if secure => format!("https://{host_and_path}"),
        Some(host_and_path) => format!("http://{host_and_path}"),
        None => rest.to_string(),
    })
}

fn web_address(text: &str) -> Option<String> {
    let url = Url::parse(text).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host().is_some()).then(|| url.into())
}

fn not_a_web_address(argument: &str) -> String {
    format!("“{argument}” is not a web address (http or https), so Tidings cannot subscribe to it")
}

/// A saved feed file lives nowhere on the web, but its site does: subscribing to the site finds
/// the feed again, and keeps it up to date.
fn address_in_file(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let metadata = std::fs::metadata(path).map_err(|e| format!("Cannot open {shown}: {e}"))?;
    if metadata.len() > MAX_FEED_FILE_BYTES {
        return Err(format!("{shown} is too big to be a feed"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("Cannot read {shown}: {e}"))?;
    let base = Url::from_file_path(std::path::absolute(path).unwrap_or_else(|_| path.into()))
        .map_err(|()| format!("Cannot read {shown}: not a file path"))?;
    let feed = feeds::parse(&bytes, &base).map_err(|e| format!("{shown} is not a feed: {e}"))?;
    feed.site_url
        .as_deref()
        .and_then(web_address)
        .ok_or_else(|| {
            format!("{shown} does not say which website it comes from; subscribe to that site's address instead")
        })
}
