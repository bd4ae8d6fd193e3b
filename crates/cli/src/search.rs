//! `tidings-cli search`: the best matches first, a page at a time up to the limit asked for, and
//! on stderr how many more match when the limit cut them off; or the search kept, and the kept
//! searches listed (`searches`).

use tidings_core::Library;
use tidings_core::api::{KeptSearch, SavedSearch, SearchCursor, SearchQuery, SearchScope};

use crate::error::Failure;

pub async fn search(library: &Library, query: SearchQuery, limit: usize) -> Result<(), Failure> {
    let mut after: Option<SearchCursor> = None;
    let mut printed = 0;
    loop {
        let page = library.search(query.clone(), after).await?;
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

/// What to search for: the words, in one feed, one tag, the bookmarks or the saved articles (or
/// all), perhaps only the unread.
pub fn query(
    text: String,
    feed: Option<i64>,
    tag: Option<i64>,
    bookmarks: bool,
    saved: bool,
    unread: bool,
) -> SearchQuery {
    let scope = match (feed, tag, bookmarks, saved) {
        (Some(feed_id), _, _, _) => SearchScope::Feed { feed_id },
        (None, Some(tag_id), _, _) => SearchScope::Tag { tag_id },
        (None, None, true, _) => SearchScope::Bookmarks,
        (None, None, _, true) => SearchScope::Saved,
        _ => SearchScope::All,
    };
    SearchQuery {
        text,
        scope,
        unread_only: unread,
        since: None,
        until: None,
        whole_words: false,
    }
}

/// Keeps `query` under `name` and prints it as `searches` lists it.
pub async fn keep(library: &Library, name: String, query: SearchQuery) -> Result<(), Failure> {
    let search = KeptSearch {
        text: query.text,
        scope: query.scope,
        unread_only: query.unread_only,
        within_days: None,
    };
    print_kept(&library.save_search(name, search).await?);
    Ok(())
}

/// Every kept search, by name.
pub async fn kept(library: &Library) -> Result<(), Failure> {
    for search in library.saved_searches().await? {
        print_kept(&search);
    }
    Ok(())
}

/// Its id, its name, its unread articles ("999+" past the count's cap) and its words.
fn print_kept(search: &SavedSearch) {
    let more = if search.unread_capped { "+" } else { "" };
    println!(
        "{}\t{}\t{}{more} unread\t{}",
        search.id, search.name, search.unread, search.search.text
    );
}
