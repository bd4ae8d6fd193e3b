//! `xml:base` for item bodies. feed-rs resolves links against `xml:base` but hands back HTML
//! bodies with their relative URLs untouched and only reports an `xml:base` set on `<content>`
//! itself; one set on `<entry>` or `<feed>` is lost. This scan recovers the base in effect at each
//! item's body so the sanitizer can resolve relative URLs against it.

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use url::Url;

/// For each item (`entry` or `item`) in document order: the `xml:base` in effect at its body, or
/// `None` when no `xml:base` applies to it. Empty when the document has no `xml:base` at all.
pub(super) fn item_body_bases(bytes: &[u8], document_url: &Url) -> Vec<Option<Url>> {
    if !crate::scan::contains(bytes, b"xml:base") {
        return Vec::new();
    }
    let mut reader = Reader::from_reader(bytes);
    // The base at each open element; `None` where no xml:base has been seen yet.
    let mut stack: Vec<Option<Url>> = Vec::new();
    let mut items: Vec<Option<Url>> = Vec::new();
    let mut item_depth: Option<usize> = None;
    let mut body_found = false;
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(element) => {
                let base = element_base(&element, stack.last().cloned().flatten(), document_url);
                let local_name = element.local_name();
                let name: &str = local_name.as_ref();
                let depth = stack.len();
                match (name, item_depth) {
                    ("entry" | "item", None) => {
                        item_depth = Some(depth);
                        body_found = false;
                        items.push(base.clone());
                    }
                    ("content" | "encoded" | "summary" | "description", Some(d))
                        if depth == d + 1 =>
                    {
                        // Full content wins over a summary, as in the adapter.
                        let is_full = matches!(name, "content" | "encoded");
                        if !body_found || is_full {
                            if let Some(slot) = items.last_mut() {
                                *slot = base.clone();
                            }
                            body_found = is_full;
                        }
                    }
                    _ => {}
                }
                stack.push(base);
            }
            Event::End(_) => {
                stack.pop();
                if item_depth == Some(stack.len()) {
                    item_depth = None;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    items
}

fn element_base(element: &BytesStart, parent: Option<Url>, document_url: &Url) -> Option<Url> {
    let declared = element
        .attributes()
        .flatten()
        .find(|a| AsRef::<str>::as_ref(&a.key) == "xml:base")
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        });
    match declared {
        Some(value) => parent
            .as_ref()
            .unwrap_or(document_url)
            .join(value.trim())
            .ok()
            .or(parent),
        None => parent,
    }
}
