//! Highlights as notes, the way people keep them (Obsidian, Logseq): one Markdown file per
//! article with its front matter, the article's own note, then each highlight as a quote with
//! its note beneath, and links back to the article in Tidings and on the web.

use super::article_link;
use super::markdown::{destination, front_matter, paragraph_text};
use crate::api::{Article, ArticleHighlights};
use crate::sanitize::escape_text;

/// The article's highlights and notes as a Markdown file; highlights no longer in the article
/// come last, said so.
pub fn highlights_to_markdown(article: &Article, highlights: &ArticleHighlights) -> String {
    let mut out = front_matter(article, &[("tidings", article_link(article.id))]);
    out.push_str(&format!("\n# {}\n\n", paragraph_text(&article.title)));
    let mut links = vec![format!("[Open in Tidings]({})", article_link(article.id))];
    if let Some(url) = article.url.as_deref().filter(|u| !u.trim().is_empty()) {
        links.push(format!("[Original]({})", destination(url)));
    }
    out.push_str(&links.join(" · "));
    out.push('\n');
    out.push_str(&notes_markdown(highlights));
    out
}

/// The article's note, then each highlight as a quote with its note beneath (those no longer
/// in the article last, said so): what a Markdown note, or an article's Markdown export, ends
/// with.
pub fn notes_markdown(highlights: &ArticleHighlights) -> String {
    let mut out = String::new();
    if !highlights.note.trim().is_empty() {
        out.push('\n');
        out.push_str(&paragraph_text(highlights.note.trim()));
        out.push('\n');
    }
    let mut gone_said = false;
    for highlight in &highlights.highlights {
        if highlight.span.is_none() && !gone_said {
            out.push_str("\n*No longer in the article:*\n");
            gone_said = true;
        }
        out.push('\n');
        for line in highlight.quote.trim().lines() {
            let line = paragraph_text(line.trim());
            if line.is_empty() {
                out.push_str(">\n");
            } else {
                out.push_str(&format!("> {line}\n"));
            }
        }
        if !highlight.note.trim().is_empty() {
            out.push('\n');
            out.push_str(&paragraph_text(highlight.note.trim()));
            out.push('\n');
        }
    }
    out
}

/// The same as HTML, to follow an article exported as HTML (its highlights are marked in its
/// text): the article's note and each highlight's note, under the words it is on.
pub fn notes_html(highlights: &ArticleHighlights) -> String {
    let noted: Vec<_> = highlights
        .highlights
        .iter()
        .filter(|h| !h.note.trim().is_empty() || h.span.is_none())
        .collect();
    if highlights.note.trim().is_empty() && noted.is_empty() {
        return String::new();
    }
    let paragraphs = |text: &str| -> String {
        text.trim()
            .lines()
            .map(|line| format!("<p>{}</p>", escape_text(line)))
            .collect()
    };
    let mut out = String::from("<section class=\"notes\"><h2>Notes</h2>");
    out.push_str(&paragraphs(&highlights.note));
    for highlight in noted {
        let gone = if highlight.span.is_none() {
            "<p class=\"gone\">No longer in the article:</p>"
        } else {
            ""
        };
        out.push_str(&format!(
            "{gone}<blockquote class=\"highlight-{}\">{}</blockquote>{}",
            highlight.color.code(),
            paragraphs(&highlight.quote),
            paragraphs(&highlight.note)
        ));
    }
    out.push_str("</section>");
    out
}
