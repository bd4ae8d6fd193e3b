//! Articles: listing, bookmarking, saving pages and exporting, and what the person is told.

use std::path::Path;

use tidings_core::Library;
use tidings_core::api::{ArticleCursor, ArticleId, ArticleView, FeedId, WorkReport};
use tidings_core::export::{ExportFormat, ExportSelection};

use crate::database::Database;
use crate::error::Failure;
use crate::work::{do_asked_work, work_done_text};

/// The view the flags of `list` ask for: one feed, one tag, the unread, the bookmarks, or all.
pub async fn view(
    library: &Library,
    unread: bool,
    bookmarks: bool,
    feed: Option<FeedId>,
    tag: Option<&str>,
) -> Result<ArticleView, Failure> {
    if let Some(name) = tag {
        let tag_id = library.tag_named(name).await?.id;
        return Ok(ArticleView::Tag { tag_id });
    }
    Ok(match (unread, bookmarks, feed) {
        (_, _, Some(feed_id)) => ArticleView::Feed { feed_id },
        (true, _, _) => ArticleView::Unread,
        (_, true, _) => ArticleView::Bookmarks,
        _ => ArticleView::All,
    })
}

/// Up to `limit` articles of `view`, newest first: id, read and bookmark marks, feed, title.
pub async fn list(library: &Library, view: ArticleView, limit: usize) -> Result<(), Failure> {
    let mut after: Option<ArticleCursor> = None;
    let mut printed = 0;
    while printed < limit {
        let page = library.list_articles(view, after).await?;
        for article in page.articles.iter().take(limit - printed) {
            let flags = format!(
                "{}{}",
                if article.is_read { ' ' } else { '*' },
                if article.is_bookmarked { 'B' } else { ' ' }
            );
            println!(
                "{}\t{flags}\t{}\t{}",
                article.id, article.source_title, article.title
            );
            printed += 1;
        }
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    Ok(())
}

pub async fn bookmark(library: &Library, ids: &[ArticleId]) -> Result<(), Failure> {
    for &id in ids {
        library.set_bookmarked(id, true).await?;
        // Printed only once stored: a crash test counts these as acknowledged.
        println!("bookmarked {id}");
    }
    // As in the app, a bookmarked article's pictures are kept for reading offline.
    for report in do_asked_work(library, ids).await? {
        eprintln!("{}", work_done_text(&report));
    }
    Ok(())
}

/// Saves the page at `url` to read later and keeps its pictures offline.
pub async fn save(library: &Library, url: &str) -> Result<(), Failure> {
    let outcome = library.save_url(url).await?;
    let id = outcome.article.id;
    if let Some(note) = outcome.note {
        eprintln!("{note}");
    }
    let mut kept = 0;
    for report in do_asked_work(library, &[id]).await? {
        match report {
            WorkReport::ImagesKept { kept: images, .. } => kept = images.stored,
            other => eprintln!("{}", work_done_text(&other)),
        }
    }
    println!(
        "{id}\t{}\t{kept} images kept offline",
        outcome.article.title
    );
    Ok(())
}

/// What `export` writes: one article, or the bookmarked and/or saved ones.
pub struct Export<'a> {
    pub id: Option<ArticleId>,
    pub bookmarks: bool,
    pub saved: bool,
    pub format: &'a str,
    pub dir: &'a Path,
}

/// Writes the articles to the folder, one file each, and prints each file's path. What was asked
/// is checked before the database is opened.
pub async fn export(db: &Database, export: Export<'_>) -> Result<(), Failure> {
    let selection = match (export.id, export.bookmarks, export.saved) {
        (Some(id), _, _) => ExportSelection::One(id),
        (None, true, true) => ExportSelection::BookmarksAndSaved,
        (None, false, true) => ExportSelection::Saved,
        (None, true, false) => ExportSelection::Bookmarks,
        (None, false, false) => {
            return Err(Failure::Usage(
                "say what to export: --bookmarks, --saved or --id ID".to_string(),
            ));
        }
    };
    let format: ExportFormat = export.format.parse()?;
    let report = db.open()?.export(selection, format, export.dir).await?;
    for path in &report.written {
        println!("{}", path.display());
    }
    if report.missing_images > 0 {
        eprintln!(
            "{} images were not kept offline; they link to the original instead",
            report.missing_images
        );
    }
    Ok(())
}
