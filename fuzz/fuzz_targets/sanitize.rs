//! The sanitizer on arbitrary text: no panic, nothing script-capable survives; the plain-text
//! reduction (titles, summaries) never panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let base = url::Url::parse("https://news.example/world/story.html").unwrap();
    let once = tidings_core::sanitize::sanitize_html(html, &base);
    tidings_fuzz_checks::assert_inert(&once);
    let _ = tidings_core::sanitize::plain_text(html);
});

#[path = "checks.rs"]
mod tidings_fuzz_checks;
