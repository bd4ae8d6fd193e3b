use url::Url;

use super::*;
use crate::sanitize::sanitize_html;

fn sanitized(html: &str) -> String {
    sanitize_html(
        html,
        &Url::parse("https://news.example/world/story.html").unwrap(),
    )
}

#[test]
fn finds_each_image_once_in_order_with_entities_decoded() {
    let html = sanitized(
        r#"<p><img src="/a.png" alt="a"> text <img alt="b" src="b.jpg?x=1&amp;y=2"></p><img src="/a.png"><img alt="no source">"#,
    );
    assert_eq!(
        image_urls(&html),
        [
            "https://news.example/a.png",
            "https://news.example/world/b.jpg?x=1&y=2"
        ]
    );
}

#[test]
fn routing_points_every_image_at_the_app_and_leaves_the_rest_alone() {
    let html = sanitized(
        r#"<p>Hi <a href="/x">link</a></p><img src="/a.png" alt="a &quot;quoted&quot;"><img src="b.jpg?x=1&amp;y=2">"#,
    );
    let routed = route_images(&html, |src| {
        format!("tidings://localhost/image?src={}", src.len())
    });
    assert_eq!(
        routed,
        html.replace(
            "https://news.example/a.png",
            "tidings://localhost/image?src=26"
        )
        .replace(
            "https://news.example/world/b.jpg?x=1&amp;y=2",
            "tidings://localhost/image?src=40"
        )
    );
    assert!(routed.contains(r#"href="https://news.example/x""#));
}

#[test]
fn routed_addresses_are_escaped() {
    let html = sanitized(r#"<img src="/a.png">"#);
    let routed = route_images(&html, |_| "x?a=1&b=\"2\"".to_string());
    assert!(
        routed.contains(r#"src="x?a=1&amp;b=&quot;2&quot;""#),
        "{routed}"
    );
}

#[test]
fn image_types_come_from_the_bytes_not_the_label() {
    assert_eq!(
        sniff_image_type(b"\x89PNG\r\n\x1a\n...."),
        Some("image/png")
    );
    assert_eq!(
        sniff_image_type(b"\xff\xd8\xff\xe0...."),
        Some("image/jpeg")
    );
    assert_eq!(sniff_image_type(b"GIF89a...."), Some("image/gif"));
    assert_eq!(
        sniff_image_type(b"RIFF\0\0\0\0WEBPVP8 "),
        Some("image/webp")
    );
    assert_eq!(
        sniff_image_type(b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        Some("image/svg+xml")
    );
    assert_eq!(
        sniff_image_type(b"<!DOCTYPE html><html>not an image</html>"),
        None
    );
    assert_eq!(sniff_image_type(b"%PDF-1.7"), None);
}
