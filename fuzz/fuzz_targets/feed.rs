//! Feed parsing (RSS, Atom, JSON Feed, with recovery from broken XML) on arbitrary bytes: it may
//! refuse, never panic; whatever it accepts sanitizes to inert HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let base = url::Url::parse("https://feeds.example/feed.xml").unwrap();
    if let Ok(feed) = tidings_core::feeds::parse(data, &base) {
        for item in &feed.items {
            let clean = tidings_core::sanitize::sanitize_html(&item.content_html, &base);
            tidings_fuzz_checks::assert_inert(&clean);
        }
    }
});

#[path = "checks.rs"]
mod tidings_fuzz_checks;
