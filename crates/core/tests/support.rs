//! What several capability modules here do alike.

use tidings_core::Library;
use tidings_core::api::{RefreshScope, RefreshSummary};
use tidings_core::library::CancelToken;
use tidings_core::store::NewArticle;

/// Makes every feed due now, as if the interval had passed.
pub fn make_due(library: &Library) {
    let conn = rusqlite::Connection::open(library.store().path()).unwrap();
    conn.execute("UPDATE feeds SET next_poll_at = 0", [])
        .unwrap();
}

/// Refreshes every feed now, as if the interval had passed.
pub async fn refresh_now(library: &Library) -> RefreshSummary {
    make_due(library);
    library
        .refresh(RefreshScope::All, |_| {}, &CancelToken::new())
        .await
        .unwrap()
}

/// `count` articles as a refresh stores them, one a second back from `now`, the text of the
/// `i`th being `text(i)`.
pub fn new_articles(count: u32, now: i64, text: impl Fn(u32) -> String) -> Vec<NewArticle> {
    (0..count)
        .map(|i| NewArticle {
            identity: format!("g:{i}"),
            guid: Some(i.to_string()),
            url: None,
            title: format!("Article {i}"),
            author: None,
            content_html: format!("<p>{}</p>", text(i)),
            content_text: text(i),
            content_hash: i.to_le_bytes().to_vec(),
            published_at: Some(now - i64::from(i)),
            updated_at: None,
            enclosures_json: None,
            lead_image: None,
            word_count: None,
            extract_error: None,
        })
        .collect()
}
