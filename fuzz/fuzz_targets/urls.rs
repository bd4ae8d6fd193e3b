//! Addresses: what a person types, relative links resolved against a base, the app's image
//! addresses and the private-network rule. No panics; an image address round-trips; resolved
//! links in stored HTML are only ever web or mail links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tidings_core::fetch::{Reach, parse_web_url};
use tidings_core::media::{app_image_url, parse_app_image_url};

fuzz_target!(|input: (&str, &str)| {
    let (base, link) = input;
    let _ = parse_web_url(base);
    let _ = Reach::for_content_from(base);
    let Ok(base) = url::Url::parse(base) else {
        return;
    };
    let _ = tidings_core::fetch::lives_on_private_network(&base);
    if let Ok(resolved) = base.join(link) {
        if matches!(resolved.scheme(), "http" | "https") {
            let app = app_image_url(1, resolved.as_str(), false);
            let parsed = parse_app_image_url(&app).expect("an app image address parses");
            assert_eq!(parsed.src, resolved.as_str());
        }
    }
    let escaped = link
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let html = format!(r#"<a href="{escaped}">a</a><img src="{escaped}">"#);
    let clean = tidings_core::sanitize::sanitize_html(&html, &base);
    for attribute in clean
        .split(" href=\"")
        .skip(1)
        .chain(clean.split(" src=\"").skip(1))
    {
        let value = attribute
            .split('"')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        assert!(
            value.starts_with("http://")
                || value.starts_with("https://")
                || value.starts_with("mailto:"),
            "{value} survived in {clean}"
        );
    }
});
