//! When a feed is one already subscribed to. People, sites and OPML files write one feed's
//! address many ways — http or https, with `www.` or without, `localhost` for `127.0.0.1`, with
//! or without a trailing slash — and a feed may be fetched at one address while naming another
//! as its own (its self link). Subscribing to each would show every article twice.
//!
//! Pure: the caller lists the subscriptions; this module only compares.

use std::collections::HashMap;

use url::Url;

use crate::api::FeedId;

/// What is left of a feed's address once the ways of writing it are set aside: equal keys name
/// the same feed. Addresses that are not web addresses are their own key.
pub fn address_key(address: &str) -> String {
    let address = address.trim();
    let Ok(url) = Url::parse(address) else {
        return address.to_string();
    };
    if !matches!(url.scheme(), "http" | "https") {
        return url.into();
    }
    let host = url.host_str().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = match host {
        "localhost" | "[::1]" => "127.0.0.1",
        other => other,
    };
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let path = url.path().trim_end_matches('/');
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    format!("{host}{port}{path}{query}")
}

/// A subscription, as far as telling feeds apart goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownFeed {
    pub id: FeedId,
    pub url: String,
    pub site_url: Option<String>,
    /// The feed's own title and, if the person renamed it, their name for it.
    pub titles: Vec<String>,
}

/// The subscriptions, indexed by what identifies a feed: its address, and its site and title
/// together (the RSS and Atom versions of one blog, or a feed moved to a new address, share
/// both; two feeds of one site rarely share a title, and a person could not tell them apart).
/// A title that is only the feed's host name, Tidings' stand-in for a feed without one, does not
/// count.
#[derive(Debug, Default)]
pub struct Subscribed {
    by_address: HashMap<String, FeedId>,
    by_site_and_title: HashMap<(String, String), FeedId>,
}

impl Subscribed {
    pub fn new(known: &[KnownFeed]) -> Subscribed {
        let mut subscribed = Subscribed::default();
        for feed in known {
            let titles = feed.titles.iter().map(String::as_str);
            subscribed.add(feed.id, &[&feed.url], feed.site_url.as_deref(), titles);
        }
        subscribed
    }

    /// Notes one more subscription (an OPML entry just taken, so that a second one for the same
    /// feed is known too).
    pub fn add<'a>(
        &mut self,
        id: FeedId,
        addresses: &[&str],
        site_url: Option<&str>,
        titles: impl IntoIterator<Item = &'a str>,
    ) {
        for address in addresses {
            self.by_address.entry(address_key(address)).or_insert(id);
        }
        if let (Some(site), Some(address)) = (site_url, addresses.first()) {
            for title in titles.into_iter().filter_map(|t| title_key(t, address)) {
                self.by_site_and_title
                    .entry((address_key(site), title))
                    .or_insert(id);
            }
        }
    }

    /// The subscription a feed is, given the addresses it is known by (typed, fetched, its self
    /// link) and its site and title.
    pub fn find(&self, addresses: &[&str], site_url: Option<&str>, title: &str) -> Option<FeedId> {
        let by_address = addresses
            .iter()
            .find_map(|address| self.by_address.get(&address_key(address)));
        let by_site = || {
            let key = (
                address_key(site_url?),
                title_key(title, addresses.first()?)?,
            );
            self.by_site_and_title.get(&key)
        };
        by_address.or_else(by_site).copied()
    }
}

/// A title to compare, unless it is only the stand-in for a feed without one: its host name.
fn title_key(title: &str, address: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let title = words.join(" ").to_lowercase();
    let host = Url::parse(address).ok()?.host_str()?.to_lowercase();
    (!title.is_empty() && title != host && Some(title.as_str()) != host.strip_prefix("www."))
        .then_some(title)
}

#[cfg(test)]
#[path = "tests/address.rs"]
mod tests;
