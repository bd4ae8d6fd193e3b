//! `tidings-cli search`: the best matches first, a page at a time up to the limit asked for, and
//! on stderr how many more match when the limit cut them off.

use tidings_core::Library;
use tidings_core::api::{SearchCursor, SearchQuery};

pub async fn search(library: &Library, query: SearchQuery, limit: usize) -> Result<(), String> {
    let mut after: Option<SearchCursor> = None;
    let mut printed = 0;
    loop {
        let page = library
            .search(query.clone(), after)
            .await
            .map_err(|e| e.to_string())?;
        if after.is_none() {
            for feed in &page.feeds {
                println!("feed {}\t{}", feed.id, feed.title);
            }
        }
        let shown = page.hits.len().min(limit - printed);
        for hit in &page.hits[..shown] {
            let snippet = tidings_core::sanitize::plain_text(&hit.snippet_html);
            println!(
                "{}\t{}\t{}\t{snippet}",
                hit.article.id, hit.article.source_title, hit.article.title
            );
        }
        printed += shown;
        match page.next {
            Some(next) if printed < limit => after = Some(next),
            next => {
                if shown < page.hits.len() || next.is_some() {
                    let more = if page.capped { "+" } else { "" };
                    eprintln!(
                        "{printed} of {}{more} matching articles shown; --limit N shows more.",
                        page.total
                    );
                }
                return Ok(());
            }
        }
    }
}
