//! Highlights and notes: placed on the article's text as the reader shows it, found again in
//! an edited text (`highlights::Text::locate`), listed in the Highlights view, and written out
//! as Markdown notes.

use std::path::Path;

use super::Library;
use super::export::write_new;
use crate::api::{
    ArticleHighlights, ArticleId, ExportReport, Highlight, HighlightChange, HighlightFilter,
    HighlightId, HighlightPage, NewHighlight, TextSpan,
};
use crate::highlights::{Text, article_text};
use crate::store::StoredHighlight;
use crate::{Error, Result, Timestamp, export, now, search};

/// Characters a note holds at most: a paragraph or a few, not a document.
pub const NOTE_MAX_CHARS: usize = 10_000;

/// Highlights per page of the Highlights view.
const PAGE: usize = 100;

impl Library {
    /// Highlights the passage selected in the reader. Refused when the words given are not in
    /// the article's text (the page and the article differ).
    pub async fn add_highlight(&self, new: NewHighlight) -> Result<Highlight> {
        let article = self.article(new.article_id).await?;
        let html = article.content_html;
        let (article_id, color) = (new.article_id, new.color);
        let (id, selector, span) = self
            .blocking(move |store| {
                let body = article_text(&html);
                let text = Text::new(&body);
                let range = placed(&text, &new)?;
                let selector = text.selector(range.clone());
                let id = store
                    .add_highlight(new.article_id, &selector, new.color, now())?
                    .ok_or_else(|| Error::NotFound(format!("article {}", new.article_id)))?;
                Ok((id, selector, range))
            })
            .await?;
        tracing::debug!(highlight = id, article = article_id, "highlighted");
        Ok(Highlight {
            id,
            article_id,
            quote: selector.quote,
            color,
            note: String::new(),
            created_at: now(),
            span: Some(span_of(span)),
        })
    }

    /// The article's text as the reader shows it, which highlights are placed in.
    pub async fn article_text(&self, id: ArticleId) -> Result<String> {
        Ok(article_text(&self.article(id).await?.content_html))
    }

    /// An article's highlights where they are in its text now, and its note.
    pub async fn article_highlights(&self, id: ArticleId) -> Result<ArticleHighlights> {
        let article = self.article(id).await?;
        self.blocking(move |store| {
            let stored = store.article_highlights(id)?;
            let note = store.article_note(id)?;
            Ok(placed_all(&article.content_html, stored, note))
        })
        .await
    }

    pub async fn change_highlight(&self, id: HighlightId, change: HighlightChange) -> Result<()> {
        let note = change.note.as_deref().map(tidy_note).transpose()?;
        self.blocking(move |store| {
            if store.change_highlight(id, change.color, note.as_deref())? {
                Ok(())
            } else {
                Err(Error::NotFound(format!("highlight {id}")))
            }
        })
        .await
    }

    pub async fn remove_highlight(&self, id: HighlightId) -> Result<()> {
        self.blocking(move |store| {
            if store.remove_highlight(id)? {
                Ok(())
            } else {
                Err(Error::NotFound(format!("highlight {id}")))
            }
        })
        .await
    }

    /// Sets the note on a whole article; an empty one removes it.
    pub async fn set_article_note(&self, id: ArticleId, note: &str) -> Result<()> {
        let note = tidy_note(note)?;
        self.blocking(move |store| {
            if store.set_article_note(id, &note, now())? {
                Ok(())
            } else {
                Err(Error::NotFound(format!("article {id}")))
            }
        })
        .await
    }

    /// A page of the Highlights view: every highlight, newest first, as `filter` says.
    pub async fn list_highlights(&self, filter: HighlightFilter) -> Result<HighlightPage> {
        let text = search::match_expression(&filter.text);
        if !filter.text.trim().is_empty() && text.is_none() {
            return Ok(HighlightPage {
                highlights: Vec::new(),
                next: None,
            });
        }
        self.blocking(move |store| {
            let mut highlights = store.list_highlights(&filter, text.as_deref(), PAGE + 1)?;
            let next = (highlights.len() > PAGE).then(|| {
                highlights.truncate(PAGE);
                highlights.last().map(|h| h.id)
            });
            Ok(HighlightPage {
                highlights,
                next: next.flatten(),
            })
        })
        .await
    }

    /// Writes one Markdown file into `dir` for each article with a highlight or a note made
    /// since `since` (all when `None`): its highlights as quotes with their notes.
    pub async fn export_highlights(
        &self,
        dir: &Path,
        since: Option<Timestamp>,
    ) -> Result<ExportReport> {
        let since = since.unwrap_or(i64::MIN);
        let ids = self
            .blocking(move |store| store.highlighted_articles(since))
            .await?;
        let mut report = ExportReport::default();
        for id in ids {
            let article = self.article(id).await?;
            let highlights = self.article_highlights(id).await?;
            let stem = export::file_stem(&article);
            let text = export::highlights_to_markdown(&article, &highlights);
            let folder = dir.to_path_buf();
            let path = tokio::task::spawn_blocking(move || {
                write_new(&folder, &stem, "md", text.as_bytes())
            })
            .await??;
            report.written.push(path);
        }
        tracing::info!(files = report.written.len(), dir = %dir.display(), "highlights exported");
        Ok(report)
    }
}

/// Where the selection is in the text: where the page said, or else the nearest place with
/// the same words (the page and the text counted differently before it).
fn placed(text: &Text, new: &NewHighlight) -> Result<std::ops::Range<usize>> {
    let (start, end) = (new.start as usize, new.end as usize);
    let words = new.quote.trim();
    if words.is_empty() || start >= end {
        return Err(Error::Invalid("select some words to highlight".to_string()));
    }
    if end <= text.len() && text.slice(start..end).trim() == words {
        return Ok(start..end);
    }
    let selector = crate::highlights::Selector {
        quote: words.to_string(),
        prefix: String::new(),
        suffix: String::new(),
        start,
    };
    text.locate_exact(&selector).ok_or_else(|| {
        Error::Invalid("the selected words are not in the article's text".to_string())
    })
}

/// The highlights of an article with the HTML it has now, in the order of its text; those no
/// longer there last, oldest first.
pub(super) fn placed_all(
    html: &str,
    stored: Vec<StoredHighlight>,
    note: String,
) -> ArticleHighlights {
    let body = article_text(html);
    let text = Text::new(&body);
    let mut highlights: Vec<Highlight> = stored
        .into_iter()
        .map(|h| Highlight {
            span: text.locate(&h.selector).map(span_of),
            id: h.id,
            article_id: h.article_id,
            quote: h.selector.quote,
            color: h.color,
            note: h.note,
            created_at: h.created_at,
        })
        .collect();
    highlights.sort_by_key(|h| (h.span.is_none(), h.span.map(|s| s.start), h.id));
    ArticleHighlights { highlights, note }
}

fn span_of(range: std::ops::Range<usize>) -> TextSpan {
    TextSpan {
        start: u32::try_from(range.start).unwrap_or(u32::MAX),
        end: u32::try_from(range.end).unwrap_or(u32::MAX),
    }
}

/// A note as kept: plain text, its ends trimmed, at most [`NOTE_MAX_CHARS`].
fn tidy_note(note: &str) -> Result<String> {
    let note = note.trim();
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(Error::Invalid(format!(
            "a note holds at most {NOTE_MAX_CHARS} characters"
        )));
    }
    Ok(note.replace('\0', ""))
}
