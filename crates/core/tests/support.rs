//! What several capability modules here do alike.

use tidings_core::Library;
use tidings_core::api::{RefreshScope, RefreshSummary};
use tidings_core::library::CancelToken;

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
