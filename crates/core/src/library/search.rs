//! Search from the person's words to ranked, highlighted results, a page at a time.

use super::Library;
use crate::api::{ArticleId, SearchCursor, SearchHit, SearchQuery, SearchResults};
use crate::sanitize::text_of_sanitized;
use crate::search::{self, CANDIDATES, RESULTS, Ranked};
use crate::store::Store;
use crate::{Result, Timestamp, now};

/// The articles of one page, and what the page says of the whole.
struct Page {
    ids: Vec<ArticleId>,
    total: usize,
    capped: bool,
    next: Option<SearchCursor>,
}

impl Library {
    /// A page of the articles matching `query`, best first, with the matching words marked: the
    /// first, with the subscriptions whose names match, or the one after `after` (the `next` of
    /// the page before). An empty query finds nothing.
    pub async fn search(
        &self,
        query: SearchQuery,
        after: Option<SearchCursor>,
    ) -> Result<SearchResults> {
        let expression = if query.whole_words {
            search::whole_words_expression(&query.text)
        } else {
            search::match_expression(&query.text)
        };
        let Some(expression) = expression else {
            return Ok(SearchResults::default());
        };
        let terms = search::terms(&query.text);
        self.blocking(move |store| {
            let page = match after {
                Some(SearchCursor::Older { before_id }) => {
                    older_page(store, &expression, &query, before_id)?
                }
                Some(SearchCursor::Ranked { now, score, id }) => {
                    ranked_page(store, &expression, &query, now, Some(Ranked { id, score }))?
                }
                None => ranked_page(store, &expression, &query, now(), None)?,
            };
            let mut hits = Vec::with_capacity(page.ids.len());
            for id in page.ids {
                let Some(article) = store.article_summary(id)? else {
                    continue;
                };
                let text = text_of_sanitized(&store.article_html(id)?);
                hits.push(SearchHit {
                    title_html: search::highlight(&article.title, &terms),
                    snippet_html: search::snippet(&text, &terms),
                    article,
                });
            }
            let feeds = match after {
                None => store.feeds_named(&terms)?,
                Some(_) => Vec::new(),
            };
            Ok(SearchResults {
                hits,
                feeds,
                total: page.total as u32,
                capped: page.capped,
                next: page.next,
            })
        })
        .await
    }
}

/// A page of the matches stored last, ranked as at `now`; after them, those stored before follow.
fn ranked_page(
    store: &Store,
    expression: &str,
    query: &SearchQuery,
    now: Timestamp,
    after: Option<Ranked>,
) -> Result<Page> {
    // One more than are ranked: whether older ones follow.
    let mut candidates = store.search_candidates(expression, query, None, CANDIDATES + 1)?;
    let capped = candidates.len() > CANDIDATES;
    candidates.truncate(CANDIDATES);
    let ranked = search::rank(
        candidates
            .iter()
            .map(|c| Ranked {
                id: c.id,
                score: search::score(c.bm25, c.sort_at, now),
            })
            .collect(),
    );
    let (hits, more) = search::page_after(&ranked, after);
    let next = match hits.last() {
        Some(last) if more => Some(SearchCursor::Ranked {
            now,
            score: last.score,
            id: last.id,
        }),
        _ if capped => candidates.last().map(|oldest| SearchCursor::Older {
            before_id: oldest.id,
        }),
        _ => None,
    };
    Ok(Page {
        ids: hits.iter().map(|hit| hit.id).collect(),
        total: candidates.len(),
        capped,
        next,
    })
}

/// A page of the matches stored before the ranked ones, the last stored first.
fn older_page(
    store: &Store,
    expression: &str,
    query: &SearchQuery,
    before: ArticleId,
) -> Result<Page> {
    let older = store.search_candidates(expression, query, Some(before), RESULTS)?;
    let next = match older.last() {
        Some(last) if older.len() == RESULTS => Some(SearchCursor::Older { before_id: last.id }),
        _ => None,
    };
    Ok(Page {
        ids: older.iter().map(|c| c.id).collect(),
        total: CANDIDATES,
        capped: true,
        next,
    })
}
