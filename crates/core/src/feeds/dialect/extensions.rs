//! Elements of the namespaces RSS and Atom feeds borrow (Media RSS, iTunes, Podcasting 2.0) that
//! feed-rs refuses the whole feed over, though Tidings reads little or nothing of them: an empty
//! `<media:description>` (the shape of a YouTube video without a description), one that starts
//! with unescaped HTML, a `type` it does not know, a `<podcast:person>` whose role is not in the
//! Podcast Index's list. Each is mended or left out, so the item and the feed are kept.

use super::{Body, Opened, Tag, split_name};

const MEDIA_RSS: &str = "http://search.yahoo.com/mrss/";
const ITUNES: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";
const PODCAST: &str = "https://podcastindex.org/namespace/1.0";

/// The namespaces whose elements are mended here, by their usual prefixes.
pub(super) const EXTENSIONS: [(&str, &str); 3] = [
    ("media", MEDIA_RSS),
    ("itunes", ITUNES),
    ("podcast", PODCAST),
];

/// Adjusts an element of one of [`EXTENSIONS`]' namespaces, which `namespace` names; `None` for
/// any other element. `rest` is the input after its start tag.
pub(super) fn extension_element(
    tag: &mut Tag,
    namespace: &str,
    self_closing: bool,
    rest: &[u8],
) -> Option<Opened> {
    let body = match (namespace, split_name(&tag.name).1) {
        (MEDIA_RSS, "title" | "description") => media_text(tag, self_closing, rest),
        (ITUNES, "title" | "summary") => {
            // feed-rs reads these as Atom text constructs and refuses a type they cannot have.
            if !matches!(
                tag.attribute("type"),
                Some("text" | "html" | "text/html" | "xhtml")
            ) {
                tag.remove_attribute("type");
            }
            Body::AsIs
        }
        // Tidings reads no podcast people, and feed-rs refuses any role or group outside the
        // Podcast Index's taxonomy ("cohost", "Photographer").
        (PODCAST, "person") => Body::Dropped,
        _ => return None,
    };
    Some(Opened {
        body,
        ..Opened::default()
    })
}

/// Media RSS text must start with text, and be `plain` or `html`, or feed-rs refuses the feed.
/// Text that starts with an element (unescaped HTML) is dropped too: keeping it as markup would
/// mean searching for its end tag, and a document of unclosed ones would be searched to its end
/// once for each.
fn media_text(tag: &mut Tag, self_closing: bool, rest: &[u8]) -> Body {
    let content = rest.trim_ascii_start();
    if self_closing || content.first() == Some(&b'<') && !content.starts_with(b"<![CDATA[") {
        return Body::Dropped;
    }
    let kind = match tag.remove_attribute("type").as_deref().map(str::trim) {
        Some("html" | "text/html" | "xhtml" | "application/xhtml+xml") => "html",
        _ => "plain",
    };
    tag.set_attribute("type", kind);
    Body::AsIs
}
