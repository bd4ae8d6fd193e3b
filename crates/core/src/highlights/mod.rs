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

/// The article's HTML with each placed highlight marked (`<mark class="highlight
/// highlight-COLOR">`), for an export that shows them where they are.
pub fn marked_html(html: &str, highlights: &[crate::api::Highlight]) -> String {
    let classes: Vec<String> = highlights
        .iter()
        .map(|h| format!("highlight highlight-{}", h.color.code()))
        .collect();
    let mut spans: Vec<(usize, usize, &str)> = highlights
        .iter()
        .zip(&classes)
        .filter_map(|(h, class)| {
            h.span
                .map(|s| (s.start as usize, s.end as usize, class.as_str()))
        })
        .collect();
    spans.sort_by_key(|s| s.0);
    crate::sanitize::mark_spans(html, &spans)
}

#[cfg(test)]
mod tests {
    use crate::sanitize::mark_spans;

    const HTML: &str = "<p>Fish &amp; chips</p><p>Tea <b>at</b> four</p>";

    #[test]
    fn the_text_is_the_text_nodes_with_entities_decoded() {
        assert_eq!(super::article_text(HTML), "Fish & chipsTea at four");
    }

    #[test]
    fn spans_are_marked_where_the_text_has_them_and_closed_at_each_tag() {
        assert_eq!(
            mark_spans(HTML, &[(5, 12, "m")]),
            "<p>Fish <mark class=\"m\">&amp; chips</mark></p><p>Tea <b>at</b> four</p>"
        );
        assert_eq!(
            mark_spans(HTML, &[(10, 17, "m")]),
            "<p>Fish &amp; chi<mark class=\"m\">ps</mark></p>\
             <p><mark class=\"m\">Tea </mark><b><mark class=\"m\">a</mark>t</b> four</p>"
        );
        // Overlapping spans: each ends where it ends.
        assert_eq!(
            mark_spans("<p>abcdef</p>", &[(0, 4, "a"), (2, 6, "b")]),
            "<p><mark class=\"a\">ab</mark><mark class=\"a\"><mark class=\"b\">cd</mark></mark>\
             <mark class=\"b\">ef</mark></p>"
        );
        assert_eq!(mark_spans(HTML, &[]), HTML);
    }
}
