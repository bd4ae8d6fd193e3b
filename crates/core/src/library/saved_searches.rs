//! Searches a person keeps as smart folders: named, listed with the unread articles each finds,
//! renamed and removed. Opening one is searching with it (`Library::search`).

use super::Library;
use super::names::{NameRule, tidy_name};
use crate::api::{KeptSearch, SavedSearch, SavedSearchId};
use crate::search;
use crate::store::{Store, StoredSearch};
use crate::{Error, Result, Timestamp, now};

/// Unread articles a kept search counts before it says "at least": past it, a count costs
/// more than the sidebar can wait for (see `docs/PERFORMANCE.md`, *Kept searches*).
pub const UNREAD_CAP: u32 = 999;

/// Kept searches at most: the sidebar counts each whenever articles change.
const KEPT_SEARCHES_MAX: usize = 100;

/// Characters a kept search's name holds at most.
const NAME_MAX_CHARS: usize = 100;

/// What a kept search's name must be.
const NAME: NameRule = NameRule {
    whose: "a search's name",
    missing: "a kept search needs a name",
    max_chars: NAME_MAX_CHARS,
};

/// A stored search with the unread articles it finds at `now`.
fn counted(store: &Store, kept: StoredSearch, now: Timestamp) -> Result<SavedSearch> {
    let found = match search::whole_words_expression(&kept.search.text) {
        Some(expression) => store.unread_found(&expression, &kept.search.at(now), UNREAD_CAP)?,
        None => crate::store::UnreadFound {
            count: 0,
            capped: false,
        },
    };
    Ok(SavedSearch {
        id: kept.id,
        name: kept.name,
        search: kept.search,
        unread: found.count,
        unread_capped: found.capped,
    })
}

impl Library {
    /// The kept searches, by name, each with the unread articles it finds.
    pub async fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        self.blocking(|store| {
            let at = now();
            store
                .saved_searches()?
                .into_iter()
                .map(|kept| counted(store, kept, at))
                .collect()
        })
        .await
    }

    /// Keeps `search` under `name`.
    pub async fn save_search(&self, name: String, search: KeptSearch) -> Result<SavedSearch> {
        let name = tidy_name(&name, &NAME)?;
        if search::whole_words_expression(&search.text).is_none() {
            return Err(Error::Invalid(
                "a kept search needs words to look for".to_string(),
            ));
        }
        self.blocking(move |store| {
            if store.saved_searches()?.len() >= KEPT_SEARCHES_MAX {
                return Err(Error::Invalid(format!(
                    "at most {KEPT_SEARCHES_MAX} searches can be kept: remove one first"
                )));
            }
            let at = now();
            let id = store.add_saved_search(&name, &search, at)?;
            counted(store, StoredSearch { id, name, search }, at)
        })
        .await
    }

    pub async fn rename_saved_search(&self, id: SavedSearchId, name: String) -> Result<()> {
        let name = tidy_name(&name, &NAME)?;
        self.change(format!("kept search {id}"), move |store| {
            store.rename_saved_search(id, &name)
        })
        .await
    }

    pub async fn remove_saved_search(&self, id: SavedSearchId) -> Result<()> {
        self.change(format!("kept search {id}"), move |store| {
            store.remove_saved_search(id)
        })
        .await
    }
}
