//! Writing a subscription list other readers (and Tidings) can import.

use super::OpmlFeed;

/// An OPML 2.0 document listing `feeds` in order. Each run of consecutive feeds sharing a
/// folder becomes one folder outline, so order survives exactly; give feeds sorted by folder
/// for one outline per folder.
///
/// [`super::parse_opml`] reads the result back to the same feeds, provided they are in the form
/// import produces: non-empty tidy titles and folder names within their caps, http(s) addresses
/// in normalized form.
pub fn write_opml(title: &str, feeds: &[OpmlFeed]) -> String {
    let mut xml = String::with_capacity(256 + feeds.len() * 256);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    xml.push_str("  <head>\n    <title>");
    push_escaped(&mut xml, title);
    xml.push_str("</title>\n  </head>\n  <body>\n");
    for run in feeds.chunk_by(|a, b| a.folder == b.folder) {
        match &run[0].folder {
            Some(folder) => {
                xml.push_str("    <outline");
                push_attribute(&mut xml, "text", folder);
                push_attribute(&mut xml, "title", folder);
                xml.push_str(">\n");
                for feed in run {
                    push_feed(&mut xml, "      ", feed);
                }
                xml.push_str("    </outline>\n");
            }
            None => run
                .iter()
                .for_each(|feed| push_feed(&mut xml, "    ", feed)),
        }
    }
    xml.push_str("  </body>\n</opml>\n");
    xml
}

fn push_feed(xml: &mut String, indent: &str, feed: &OpmlFeed) {
    xml.push_str(indent);
    xml.push_str("<outline type=\"rss\"");
    push_attribute(xml, "text", &feed.title);
    push_attribute(xml, "title", &feed.title);
    push_attribute(xml, "xmlUrl", &feed.xml_url);
    if let Some(html_url) = &feed.html_url {
        push_attribute(xml, "htmlUrl", html_url);
    }
    xml.push_str("/>\n");
}

fn push_attribute(xml: &mut String, name: &str, value: &str) {
    xml.push(' ');
    xml.push_str(name);
    xml.push_str("=\"");
    push_escaped(xml, value);
    xml.push('"');
}

/// Escapes for both text and double-quoted attributes. Tabs and line breaks become references
/// because a parser turns literal ones in attributes into spaces; characters XML 1.0 cannot
/// carry at all, even as references (most control characters), are left out.
fn push_escaped(xml: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            '\t' => xml.push_str("&#9;"),
            '\n' => xml.push_str("&#10;"),
            '\r' => xml.push_str("&#13;"),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            c => xml.push(c),
        }
    }
}
