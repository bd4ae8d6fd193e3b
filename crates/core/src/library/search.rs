//! Search from the person's words to ranked, highlighted results.

use super::Library;
use crate::api::{SearchHit, SearchQuery, SearchResults};
use crate::sanitize::text_of_sanitized;
use crate::search::{self, CANDIDATES, RESULTS};
use crate::{Result, now};

impl Library {
    /// Articles matching `query`, best first, with the matching words marked; and the
    /// subscriptions whose names match. An empty query finds nothing.
    pub async fn search(&self, query: SearchQuery) -> Result<SearchResults> {
        let Some(expression) = search::match_expression(&query.text) else {
            return Ok(SearchResults::default());
        };
        let terms = search::terms(&query.text);
        self.blocking(move |store| {
            let now = now();
            let mut candidates = store.search_candidates(&expression, &query, CANDIDATES)?;
            candidates.sort_by(|a, b| {
                search::score(b.bm25, b.sort_at, now)
                    .total_cmp(&search::score(a.bm25, a.sort_at, now))
            });
            let mut hits = Vec::with_capacity(RESULTS.min(candidates.len()));
            for candidate in candidates.into_iter().take(RESULTS) {
                let Some(article) = store.article_summary(candidate.id)? else {
                    continue;
                };
                let text = text_of_sanitized(&store.article_html(candidate.id)?);
                hits.push(SearchHit {
                    title_html: search::highlight(&article.title, &terms),
                    snippet_html: search::snippet(&text, &terms),
                    article,
                });
            }
            let feeds = store.feeds_named(&terms)?;
            Ok(SearchResults { hits, feeds })
        })
        .await
    }
}
