//! The text of HTML that [`sanitize_html`](super::sanitize_html) produced, read in one pass
//! without parsing it again (that output is well-formed, with no scripts, comments or raw-text
//! elements): for showing, for the search index, for placing highlights — and marks put on it.

/// The text of HTML that [`sanitize_html`] produced, whitespace collapsed. That output is
/// well-formed and holds no scripts, comments or raw-text elements, so one pass that drops tags,
/// decodes the serializer's few entities and collapses whitespace is exact, and far cheaper
/// than parsing the HTML again.
pub fn text_of_sanitized(html: &str) -> String {
    let mut space_pending = false;
    // Whitespace anywhere becomes one space between words; none at the ends.
    strip_tags(html, true, |piece: &str, text: &mut String| {
        for (i, word) in piece.split(char::is_whitespace).enumerate() {
            space_pending |= i > 0;
            if word.is_empty() {
                continue;
            }
            if space_pending && !text.is_empty() {
                text.push(' ');
            }
            space_pending = false;
            text.push_str(word);
        }
    })
}

/// The words of HTML that [`sanitize_html`] produced, for the search index: as
/// [`text_of_sanitized`] but with whitespace left as it is, since the index's tokenizer skips it
/// anyway. Collapsing it was a tenth of the time a refresh spends preparing an article (this runs
/// on every article of every refresh).
pub fn words_of_sanitized(html: &str) -> String {
    strip_tags(html, true, |piece: &str, text: &mut String| {
        text.push_str(piece)
    })
}

/// The text nodes of HTML that [`sanitize_html`] produced, one after the other, entities
/// decoded: a web page's `textContent` of it, without a space between blocks.
pub fn text_nodes_of_sanitized(html: &str) -> String {
    strip_tags(html, false, |piece: &str, text: &mut String| {
        text.push_str(piece)
    })
}

/// Hands the text between the tags of sanitized HTML to `push`, entities decoded, with a space
/// where a tag separates words (a block's, not an inline element's) when `spaced`.
fn strip_tags(html: &str, spaced: bool, mut push: impl FnMut(&str, &mut String)) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let bytes = html.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let next = crate::scan::find_byte(b'<', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        push_unescaped(&html[at..next], &mut text, &mut push);
        if next == bytes.len() {
            break;
        }
        let Some(close) = crate::scan::find_byte(b'>', &bytes[next..]) else {
            break;
        };
        if spaced && !is_inline_tag(&html[next + 1..next + close]) {
            push(" ", &mut text);
        }
        at = next + close + 1;
    }
    text
}

/// Feeds `piece` to `push` with html5ever's text escapes undone.
fn push_unescaped(piece: &str, text: &mut String, push: &mut impl FnMut(&str, &mut String)) {
    let mut rest = piece;
    while let Some(amp) = rest.find('&') {
        push(&rest[..amp], text);
        rest = &rest[amp..];
        match SERIALIZER_ESCAPES
            .iter()
            .find(|(entity, _)| rest.starts_with(entity))
        {
            Some((entity, decoded)) => {
                push(decoded, text);
                rest = &rest[entity.len()..];
            }
            None => {
                push("&", text);
                rest = &rest[1..];
            }
        }
    }
    push(rest, text);
}

/// HTML that [`sanitize_html`] produced with `<mark class="…">` around each span of its text
/// (UTF-16 units of [`text_nodes_of_sanitized`]'s text), closed before each tag and opened
/// again after it, so that the result stays well-formed. `spans` are sorted by start.
pub fn mark_spans(html: &str, spans: &[(usize, usize, &str)]) -> String {
    let mut out = String::with_capacity(html.len() + spans.len() * 48);
    let mut at_unit = 0usize;
    // The spans the text is in, and whether their marks are open in `out` (they are closed at
    // each tag, and opened again only before the next text).
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut written = false;
    let mut next_span = 0;
    let mut rest = html;
    let close = |out: &mut String, open: &[(usize, &str)], written: &mut bool| {
        if *written {
            out.push_str(&"</mark>".repeat(open.len()));
            *written = false;
        }
    };
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            close(&mut out, &open, &mut written);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        // One character of text, or one escape, and how many units of text it is.
        let (raw, units) = match SERIALIZER_ESCAPES
            .iter()
            .find(|(entity, _)| rest.starts_with(entity))
        {
            Some((entity, decoded)) => (&rest[..entity.len()], decoded.encode_utf16().count()),
            None => {
                let c = rest.chars().next().unwrap_or_default();
                (&rest[..c.len_utf8()], c.len_utf16())
            }
        };
        while next_span < spans.len() && spans[next_span].0 <= at_unit {
            let (_, end, class) = spans[next_span];
            if end > at_unit {
                close(&mut out, &open, &mut written);
                open.push((end, class));
            }
            next_span += 1;
        }
        if !written && !open.is_empty() {
            for (_, class) in &open {
                out.push_str(&format!("<mark class=\"{class}\">"));
            }
            written = true;
        }
        out.push_str(raw);
        at_unit += units;
        if open.iter().any(|(end, _)| *end <= at_unit) {
            close(&mut out, &open, &mut written);
            open.retain(|(end, _)| *end > at_unit);
        }
        rest = &rest[raw.len()..];
    }
    close(&mut out, &open, &mut written);
    out
}

/// What html5ever's serializer escapes in text and attribute values.
pub(super) const SERIALIZER_ESCAPES: [(&str, &str); 6] = [
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&nbsp;", "\u{a0}"),
    ("&#39;", "'"),
    ("&amp;", "&"),
];

fn is_inline_tag(tag: &str) -> bool {
    let name = tag.trim_start_matches('/');
    let name = name.split([' ', '/']).next().unwrap_or_default();
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
            | "acronym"
    )
}
