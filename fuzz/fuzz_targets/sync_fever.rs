//! Fever's answer parsers on arbitrary bytes: refused or read, never a panic; what is read has
//! decimal ids, each once, and a page's cursor is at least every id on it.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use tidings_core::sync::fever::parse;

fn is_decimal(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
}

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = parse::items(data, 0) {
        let mut seen = HashSet::new();
        for item in &page.items {
            assert!(is_decimal(&item.id) && is_decimal(&item.feed_id), "{item:?}");
            assert!(seen.insert(&item.id), "item {} twice", item.id);
            let id: u64 = item.id.parse().unwrap();
            assert!(page.highest_id.is_some_and(|h| h >= id));
        }
        assert!(page.items.len() <= page.received);
    }
    if let Ok(feeds) = parse::feeds(data) {
        let mut seen = HashSet::new();
        for feed in &feeds.feeds {
            assert!(seen.insert(&feed.id) && !feed.url.is_empty(), "{feed:?}");
        }
    }
    let _ = parse::groups(data);
    for field in ["unread_item_ids", "saved_item_ids"] {
        if let Ok(ids) = parse::id_list(data, field) {
            assert!(ids.iter().all(|id| is_decimal(id)));
            assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
        }
    }
});
