//! Kept searches' unread counts, as the sidebar asks for them whenever articles change: each
//! kind of search alone, then every one of them together (the sidebar's one call).

use tidings_core::api::{KeptSearch, SearchScope};
use tidings_core::library::UNREAD_CAP;
use tidings_core::search::whole_words_expression;

use super::cases::{Outcome, Runner, err};
use super::corpus::word;

/// What a count may take at a million articles (issue 18).
const TARGET_MS: f64 = 20.0;

/// Kept searches of every shape: words from rare to common, two words, a phrase, one feed's,
/// the bookmarks', unread ones of the past week.
fn kept_searches(feed_id: i64) -> Vec<(String, KeptSearch)> {
    let w = word;
    let all = |text: String| KeptSearch {
        text,
        scope: SearchScope::All,
        unread_only: false,
        within_days: None,
    };
    vec![
        ("rare word".to_string(), all(w(20_000))),
        ("uncommon word".to_string(), all(w(3_000))),
        ("word".to_string(), all(w(300))),
        ("common word".to_string(), all(w(30))),
        ("most common word".to_string(), all(w(3))),
        (
            "two words".to_string(),
            all(format!("{} {}", w(200), w(2_000))),
        ),
        (
            "phrase".to_string(),
            all(format!("\"{} {}\"", w(40), w(41))),
        ),
        (
            "common word in one feed".to_string(),
            KeptSearch {
                scope: SearchScope::Feed { feed_id },
                ..all(w(30))
            },
        ),
        (
            "common word in bookmarks".to_string(),
            KeptSearch {
                scope: SearchScope::Bookmarks,
                ..all(w(30))
            },
        ),
        (
            "common word, unread, past week".to_string(),
            KeptSearch {
                unread_only: true,
                within_days: Some(7),
                ..all(w(30))
            },
        ),
    ]
}

impl Runner<'_> {
    pub fn kept_search_counts(&mut self, feed_id: i64) -> Outcome {
        let rt = self.runtime;
        let searches = kept_searches(feed_id);
        for (name, kept) in &searches {
            let expression = whole_words_expression(&kept.text).ok_or("no words")?;
            let query = kept.at(tidings_core::now());
            let found = self
                .library
                .store()
                .unread_found(&expression, &query, UNREAD_CAP)
                .map_err(err)?;
            let more = if found.capped { "+" } else { "" };
            self.time(
                &format!("kept search: {name}"),
                Some(TARGET_MS),
                format!("{}{more} unread", found.count),
                |l| {
                    l.store()
                        .unread_found(&expression, &query, UNREAD_CAP)
                        .map(drop)
                        .map_err(err)
                },
            )?;
        }
        let mut kept_ids = Vec::new();
        for (name, kept) in searches.clone() {
            kept_ids.push(
                rt.block_on(self.library.save_search(name, kept))
                    .map_err(err)?
                    .id,
            );
        }
        let timed = self.time(
            "kept_searches_sidebar",
            None,
            format!("all {} counted in one call", searches.len()),
            |l| rt.block_on(l.saved_searches()).map(drop).map_err(err),
        );
        for id in kept_ids {
            rt.block_on(self.library.remove_saved_search(id))
                .map_err(err)?;
        }
        timed
    }
}
