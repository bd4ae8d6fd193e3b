//! Highlights from the command line: highlighting words of an article, listing highlights, and
//! writing them out as Markdown notes.

use std::path::Path;

use tidings_core::api::{
    ArticleId, HighlightChange, HighlightColor, HighlightFilter, NewHighlight,
};
use tidings_core::{Library, Timestamp};

use crate::error::Failure;

/// Highlights the first place `words` stand in the article's text, with `note` under it.
pub async fn highlight(
    library: &Library,
    id: ArticleId,
    words: &str,
    color: &str,
    note: Option<&str>,
) -> Result<(), Failure> {
    let color = HighlightColor::from_code(color).ok_or_else(|| {
        Failure::Usage(format!(
            "{color:?} is not a colour: yellow, green, blue or pink"
        ))
    })?;
    let text = library.article_text(id).await?;
    let start = text
        .find(words)
        .ok_or_else(|| Failure::Usage(format!("“{words}” is not in article {id}'s text")))?;
    let utf16 = |s: &str| s.encode_utf16().count() as u32;
    let highlight = library
        .add_highlight(NewHighlight {
            article_id: id,
            start: utf16(&text[..start]),
            end: utf16(&text[..start + words.len()]),
            quote: words.to_string(),
            color,
        })
        .await?;
    if let Some(note) = note {
        let change = HighlightChange {
            color: None,
            note: Some(note.to_string()),
        };
        library.change_highlight(highlight.id, change).await?;
    }
    println!("{}", highlight.id);
    Ok(())
}

/// Every highlight, newest first: its id, its article's, its colour, its words and its note.
pub async fn list(library: &Library) -> Result<(), Failure> {
    let mut filter = HighlightFilter::default();
    loop {
        let page = library.list_highlights(filter.clone()).await?;
        for h in &page.highlights {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                h.id,
                h.article_id,
                h.color.code(),
                one_line(&h.quote),
                one_line(&h.note)
            );
        }
        match page.next {
            Some(next) => filter.before = Some(next),
            None => return Ok(()),
        }
    }
}

/// One Markdown file per highlighted article into `dir`; prints each file's path.
pub async fn export(
    library: &Library,
    dir: &Path,
    format: &str,
    since: Option<&str>,
) -> Result<(), Failure> {
    if format != "md" {
        return Err(Failure::Usage(format!(
            "highlights are written as Markdown (--format md), not {format:?}"
        )));
    }
    let since = since.map(parse_date).transpose()?;
    let report = library.export_highlights(dir, since).await?;
    for path in &report.written {
        println!("{}", path.display());
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2026-12-01` as the first second of that day, UTC.
fn parse_date(date: &str) -> Result<Timestamp, Failure> {
    tidings_core::extract::day_start(date)
        .ok_or_else(|| Failure::Usage(format!("{date:?} is not a date like 2026-12-01")))
}
