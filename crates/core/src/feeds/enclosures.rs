//! RSS `<enclosure>` elements, for the feeds where feed-rs loses them: it merges an item's
//! enclosure into its Media RSS object and keeps the enclosure only when that object has no
//! `<media:content>` of its own, so an item with a podcast episode and a thumbnail in
//! `<media:content>` would lose the episode. Only documents with both elements are scanned.

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use url::Url;

use super::Enclosure;
use crate::scan::contains;

/// For each item in document order, its `<enclosure>`s (URLs resolved against `document_url`);
/// `None` when the document does not need the scan.
pub(super) fn rss_enclosures(bytes: &[u8], document_url: &Url) -> Option<Vec<Vec<Enclosure>>> {
    if !contains(bytes, b"<enclosure") || !contains(bytes, b"media:content") {
        return None;
    }
    let mut reader = Reader::from_reader(bytes);
    let mut items: Vec<Vec<Enclosure>> = Vec::new();
    let mut in_item = false;
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match &event {
            Event::Start(element) if AsRef::<str>::as_ref(&element.local_name()) == "item" => {
                in_item = true;
                items.push(Vec::new());
            }
            Event::End(element) if AsRef::<str>::as_ref(&element.local_name()) == "item" => {
                in_item = false;
            }
            Event::Start(element) | Event::Empty(element)
                if in_item && AsRef::<str>::as_ref(&element.name()) == "enclosure" =>
            {
                let attribute = |name: &str| {
                    element
                        .attributes()
                        .flatten()
                        .find(|a| AsRef::<str>::as_ref(&a.key) == name)
                        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
                        .map(|v| v.trim().to_string())
                };
                let url = attribute("url").and_then(|u| document_url.join(&u).ok());
                if let (Some(url), Some(list)) = (url, items.last_mut()) {
                    list.push(Enclosure {
                        url: url.into(),
                        mime_type: attribute("type").filter(|t| !t.is_empty()),
                        length: attribute("length").and_then(|l| l.parse().ok()),
                    });
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Some(items)
}
