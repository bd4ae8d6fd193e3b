//! RSS elements, and CDF's, which become RSS, as feed-rs expects them.

use super::{Body, Opened, Tag, child_elements, contains, find, split_name};

/// RSS element names as the spec spells them; feeds written by hand get the case wrong.
const RSS_ELEMENTS: [&str; 33] = [
    "author",
    "category",
    "channel",
    "cloud",
    "comments",
    "copyright",
    "day",
    "description",
    "docs",
    "enclosure",
    "generator",
    "guid",
    "height",
    "hour",
    "image",
    "item",
    "language",
    "lastBuildDate",
    "link",
    "managingEditor",
    "name",
    "pubDate",
    "rating",
    "skipDays",
    "skipHours",
    "source",
    "textInput",
    "title",
    "ttl",
    "url",
    "webMaster",
    "width",
    "items",
];

pub(super) fn rss_element(tag: &mut Tag, open: &[&str], rest: &[u8], is_rdf: bool) -> Opened {
    let mut opened = Opened::default();
    let (prefix, local) = split_name(&tag.name);
    if prefix.is_none()
        && let Some(canonical) = RSS_ELEMENTS
            .iter()
            .find(|known| known.eq_ignore_ascii_case(local))
    {
        tag.name = canonical.to_string();
    }
    let (prefix, local) = split_name(&tag.name);
    let in_item = open.last().is_some_and(|p| split_name(p).1 == "item");
    // Dublin Core and DC Terms equivalents of RSS elements, which feed-rs reads only in part.
    let renamed = match (prefix, local) {
        (Some("dc"), "title") => Some("title"),
        (Some("dc"), "description") => Some("description"),
        (Some("dc"), "author") => Some("dc:creator"),
        (Some("dcterms"), "issued" | "created") => Some("pubDate"),
        (Some("dcterms"), "modified") => Some("updated"),
        (None, "fullitem") if in_item => Some("content:encoded"),
        _ => None,
    };
    if let Some(renamed) = renamed {
        tag.name = renamed.to_string();
    }
    let (prefix, local) = split_name(&tag.name);
    match (prefix, local) {
        // An XHTML body is the item's full content.
        (_, "body") if in_item && child_elements(rest, &tag.name).is_some() => {
            tag.name = "content:encoded".to_string();
            tag.attributes.clear();
            opened.body = Body::Markup;
        }
        (None, "description" | "title") | (Some("content"), "encoded")
            if child_elements(rest, &tag.name) == Some(true) =>
        {
            opened.body = Body::Markup;
        }
        // RSS 1.0 requires a link and feed-rs drops items without one. `rdf:about` is the
        // item's address; failing that, a link the adapter discards (not http) keeps the item.
        (None, "item") if is_rdf && !item_has_link(rest) => {
            let about = tag.attribute("rdf:about").unwrap_or("about:blank");
            opened.children = format!("<link>{about}</link>").into_bytes();
        }
        _ => {}
    }
    opened
}

fn item_has_link(rest: &[u8]) -> bool {
    let item = &rest[..find(rest, b"</item").unwrap_or(rest.len())];
    contains(item, b"<link")
}

/// A CDF element as its RSS equivalent: `ITEM`, `TITLE`, `ABSTRACT` become `item`, `title`,
/// `description`; the `HREF`, `LASTMOD` and `BASE` attributes become `link`, `pubDate` and
/// `xml:base`.
pub(super) fn cdf_element(tag: &mut Tag) -> Opened {
    let mut opened = Opened::default();
    let attribute = |tag: &Tag, name: &str| {
        tag.attributes
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let base = attribute(tag, "BASE");
    let channel = tag.name.eq_ignore_ascii_case("channel");
    if let Some(href) = attribute(tag, "HREF") {
        opened
            .children
            .extend(format!("<link>{href}</link>").into_bytes());
    }
    if let Some(modified) = attribute(tag, "LASTMOD") {
        let element = if channel { "lastBuildDate" } else { "pubDate" };
        opened
            .children
            .extend(format!("<{element}>{modified}</{element}>").into_bytes());
    }
    tag.name = match tag.name.to_ascii_lowercase().as_str() {
        "abstract" => "description".to_string(),
        other => other.to_string(),
    };
    tag.attributes.clear();
    if let Some(base) = base {
        tag.attributes.push(("xml:base".to_string(), base));
    }
    opened
}
