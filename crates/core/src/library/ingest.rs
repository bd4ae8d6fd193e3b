//! Turns a parsed feed into rows ready to store: sanitized HTML, search text, identity and hash.
//! Pure and CPU-bound; callers run it off the async runtime.

use sha2::{Digest, Sha256};

use crate::api::Enclosure;
use crate::feeds::{self, ParsedFeed, ParsedItem};
use crate::fetch::Validators;
use crate::sanitize::{sanitize_html, words_of_sanitized};
use crate::store::{FeedUpdate, NewArticle};

pub fn prepare_update(feed: ParsedFeed, validators: Validators) -> FeedUpdate {
    FeedUpdate {
        title: feed.title,
        site_url: feed.site_url,
        icon_url: feed.icon_url,
        language: feed.language,
        validators,
        ttl: feed.ttl_minutes.map(|minutes| i64::from(minutes) * 60),
        skip_hours: feed.skip_hours,
        articles: feed.items.into_iter().map(prepare_article).collect(),
    }
}

fn prepare_article(item: ParsedItem) -> NewArticle {
    let content_html = sanitize_html(&item.content_html, &item.base_url);
    let content_text = words_of_sanitized(&content_html);
    let content_hash = content_hash(&item, &content_html);
    let identity = match (&item.guid, &item.link) {
        (Some(guid), _) => format!("g:{guid}"),
        (None, Some(link)) => format!("l:{link}"),
        (None, None) => format!("h:{}", hex(&content_hash)),
    };
    NewArticle {
        identity,
        guid: item.guid,
        url: item.link,
        title: item.title,
        author: item.author,
        content_html,
        content_text,
        content_hash,
        published_at: item.published_at,
        updated_at: item.updated_at,
        enclosures_json: enclosures_json(&item.enclosures),
        lead_image: None,
        word_count: None,
        extract_error: None,
    }
}

/// Changes when anything a reader sees changes; dates alone don't count, since some feeds
/// restamp every item on every build.
fn content_hash(item: &ParsedItem, content_html: &str) -> Vec<u8> {
    let mut hasher = Sha256::new();
    for part in [
        item.title.as_str(),
        item.link.as_deref().unwrap_or_default(),
        item.author.as_deref().unwrap_or_default(),
        content_html,
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher.finalize().to_vec()
}

fn enclosures_json(enclosures: &[feeds::Enclosure]) -> Option<String> {
    if enclosures.is_empty() {
        return None;
    }
    let enclosures: Vec<Enclosure> = enclosures
        .iter()
        .map(|e| Enclosure {
            url: e.url.clone(),
            mime_type: e.mime_type.clone(),
            length: e.length,
        })
        .collect();
    serde_json::to_string(&enclosures).ok()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An article from a feed service, made like a feed's: sanitized against `base`, its link kept
/// only when it is a web address, its identity the server's id (`r:`).
pub fn prepare_remote_article(item: crate::sync::RemoteItem, base: url::Url) -> NewArticle {
    let link = item
        .url
        .as_deref()
        .and_then(|u| crate::fetch::parse_web_url(u).ok())
        .map(|u| u.to_string());
    let parsed = ParsedItem {
        guid: None,
        link,
        title: item.title,
        author: item.author,
        content_html: item.content_html,
        base_url: base,
        published_at: item.published_at,
        updated_at: None,
        summary_html: None,
        enclosures: Vec::new(),
    };
    NewArticle {
        identity: format!("r:{}", item.id),
        ..prepare_article(parsed)
    }
}
