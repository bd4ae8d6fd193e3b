//! Writing exports to a folder: the selection walked page by page, each article rendered by
//! `crate::export`, images taken from the database only (an export never touches the network),
//! and no existing file ever overwritten.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::Library;
use crate::api::{Article, ArticleId, ArticleView};
use crate::export::{self, ExportFormat, ExportReport, ExportSelection};
use crate::store::{ImageSource, Store};
use crate::{Error, Result};

/// Names tried for one article before giving up (`stem.md`, `stem-2.md`, …).
const MAX_NAME_TRIES: usize = 10_000;

impl Library {
    /// Writes the selected articles into `dir` (created when the first file is written), one
    /// file each, named from their date and title. Files already there are left alone: a name in
    /// use gets `-2`, `-3`…. On an error, the files written before it stay.
    pub async fn export(
        &self,
        selection: ExportSelection,
        format: ExportFormat,
        dir: &Path,
    ) -> Result<ExportReport> {
        let ids = self.selected(selection).await?;
        let dir = dir.to_path_buf();
        let mut report = ExportReport::default();
        for id in ids {
            let article = match self.article(id).await {
                Ok(article) => article,
                // Removed since the list was read; a single article asked for by id is an error.
                Err(Error::NotFound(_)) if !matches!(selection, ExportSelection::One(_)) => {
                    continue;
                }
                Err(error) => return Err(error),
            };
            let stem = export::file_stem(&article);
            let (text, missing) = self
                .blocking(move |store| render(store, &article, format))
                .await?;
            let folder = dir.clone();
            let path = tokio::task::spawn_blocking(move || {
                write_new(&folder, &stem, format.extension(), text.as_bytes())
            })
            .await??;
            tracing::debug!(article_id = id, path = %path.display(), "exported");
            report.written.push(path);
            report.missing_images += missing;
        }
        tracing::info!(
            files = report.written.len(),
            missing_images = report.missing_images,
            dir = %dir.display(),
            "export written"
        );
        Ok(report)
    }

    /// The ids of the selected articles, each once: bookmarks, then saved articles not among
    /// them, each newest first as their lists show them.
    async fn selected(&self, selection: ExportSelection) -> Result<Vec<ArticleId>> {
        let views: &[ArticleView] = match selection {
            ExportSelection::One(id) => return Ok(vec![id]),
            ExportSelection::Bookmarks => &[ArticleView::Bookmarks],
            ExportSelection::Saved => &[ArticleView::Saved],
            ExportSelection::BookmarksAndSaved => &[ArticleView::Bookmarks, ArticleView::Saved],
        };
        let mut seen = HashSet::new();
        let mut ids = Vec::new();
        for &view in views {
            let mut after = None;
            loop {
                let page = self.list_articles(view, after).await?;
                ids.extend(
                    page.articles
                        .iter()
                        .map(|a| a.id)
                        .filter(|&id| seen.insert(id)),
                );
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
            }
        }
        Ok(ids)
    }
}

/// The file's text, and how many of its images were not kept (HTML only).
/// The article as a file of `format`, with its highlights and notes: marked in its text and
/// listed after it (HTML), or after it as quotes with their notes (Markdown).
fn render(store: &Store, article: &Article, format: ExportFormat) -> Result<(String, u64)> {
    let highlights = super::highlights::placed_all(
        &article.content_html,
        store.article_highlights(article.id)?,
        store.article_note(article.id)?,
    );
    let noted = !highlights.highlights.is_empty() || !highlights.note.is_empty();
    Ok(match format {
        ExportFormat::Markdown => {
            let mut text = export::to_markdown(article);
            if noted {
                text.push_str(
                    "
## Highlights and notes
",
                );
                text.push_str(&export::notes_markdown(&highlights));
            }
            (text, 0)
        }
        ExportFormat::Html if noted => {
            let mut marked = article.clone();
            marked.content_html = format!(
                "{}{}",
                crate::highlights::marked_html(&article.content_html, &highlights.highlights),
                export::notes_html(&highlights)
            );
            html_file(store, &marked)
        }
        ExportFormat::Html => html_file(store, article),
    })
}

/// The article as one HTML file with its kept pictures inside, and how many were not kept.
fn html_file(store: &Store, article: &Article) -> (String, u64) {
    let missing = RefCell::new(HashSet::new());
    let html = export::to_html(article, &|url| match store.image_source(url) {
        Ok(Some(ImageSource::Stored(image))) => Some(image),
        Ok(_) => {
            missing.borrow_mut().insert(url.to_string());
            None
        }
        Err(error) => {
            tracing::warn!(%error, url, "could not read a kept image");
            missing.borrow_mut().insert(url.to_string());
            None
        }
    });
    (html, missing.into_inner().len() as u64)
}

/// Creates `dir/stem.ext` (or `stem-2.ext`, …) and writes `bytes` to it. `create_new` makes
/// "is the name free" and "take it" one step, so nothing existing is overwritten, even by a
/// file that appears meanwhile.
pub(super) fn write_new(dir: &Path, stem: &str, extension: &str, bytes: &[u8]) -> Result<PathBuf> {
    fs::create_dir_all(dir).map_err(|e| file_error(dir, &e))?;
    for n in 1..=MAX_NAME_TRIES {
        let name = match n {
            1 => format!("{stem}.{extension}"),
            n => format!("{stem}-{n}.{extension}"),
        };
        let path = dir.join(name);
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(file_error(&path, &e)),
        };
        if let Err(e) = file.write_all(bytes) {
            // Half a file would pass for the whole article.
            let _ = fs::remove_file(&path);
            return Err(file_error(&path, &e));
        }
        return Ok(path);
    }
    Err(Error::Invalid(format!(
        "{} already holds {MAX_NAME_TRIES} files named {stem}",
        dir.display()
    )))
}

fn file_error(path: &Path, error: &std::io::Error) -> Error {
    Error::File {
        path: path.display().to_string(),
        reason: error.to_string(),
    }
}
