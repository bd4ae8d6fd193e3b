//! Reader-mode extraction on arbitrary bytes: an article or a refusal, never a panic, and the
//! article's HTML is sanitized.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = url::Url::parse("https://news.example/world/story.html").unwrap();
    if let Ok(article) = tidings_core::extract::extract(data, &page) {
        tidings_fuzz_checks::assert_inert(&article.html);
    }
});

#[path = "checks.rs"]
mod tidings_fuzz_checks;
