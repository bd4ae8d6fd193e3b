//! Highlights: passages of an article a person marked, kept so that they land on the same words
//! whatever the reader's theme, font or width, and after the article's text changes (`anchor`).
//! The text they are placed in is the article's body as the reader shows it: the text of its
//! sanitized HTML, as a web page's text nodes hold it.

mod anchor;

pub use anchor::{CONTEXT_CHARS, MAX_QUOTE_CHARS, Selector, Text};

/// The text of an article's sanitized HTML as the page has it: its text nodes, one after the
/// other, entities decoded (the reader counts a highlight's place in this).
pub fn article_text(html: &str) -> String {
    crate::sanitize::text_nodes_of_sanitized(html)
}
