//! Tiny Tiny RSS's answers on arbitrary bytes: every parser reads or refuses them, never a
//! panic, and what it reads keeps its promises (decimal ids, one of each, dates believed).
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use tidings_core::sync::ttrss::parse::{self, Reply};

fuzz_target!(|data: &[u8]| {
    let _ = parse::session(data);
    let _ = parse::feeds(data);
    let _ = parse::folders(data);
    let _ = parse::categories(data);
    let _ = parse::subscribed(data);
    let _ = parse::unsubscribed(data);
    if let Ok(Reply::Done(page)) = parse::headlines(data) {
        let mut seen = HashSet::new();
        for item in &page.items {
            assert!(item.id.bytes().all(|b| b.is_ascii_digit()), "{:?}", item.id);
            assert!(item.feed_id.bytes().all(|b| b.is_ascii_digit()));
            assert!(seen.insert(&item.id), "{} twice", item.id);
            assert!(item.published_at.is_none_or(|t| t > 0));
        }
        assert!(page.items.len() + page.skipped <= page.listed);
    }
});
