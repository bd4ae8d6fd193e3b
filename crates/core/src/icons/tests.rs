use url::Url;

use super::icon_links;

fn links(html: &str) -> Vec<String> {
    let base = Url::parse("https://news.example/section/").unwrap();
    icon_links(html, &base)
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn the_icon_nearest_the_size_shown_comes_first() {
    let html = r#"<html><head>
        <link rel="apple-touch-icon" href="/touch.png">
        <link rel="icon" sizes="16x16" href="/16.png">
        <link rel="icon" sizes="192x192" href="/192.png">
        <link rel="icon" sizes="32x32 48x48" href="/48.png">
        <link rel="shortcut icon" href="favicon.ico">
        <link rel="stylesheet" href="/style.css">
        <link rel="mask-icon" href="/mask.svg">
    </head></html>"#;
    assert_eq!(
        links(html),
        [
            "https://news.example/48.png",
            "https://news.example/section/favicon.ico",
            "https://news.example/16.png",
            "https://news.example/touch.png",
            "https://news.example/192.png",
        ]
    );
}

#[test]
fn a_vector_icon_suits_any_size() {
    let html = r#"<link rel="icon" href="/big.png" sizes="64x64">
        <link rel="icon" type="image/svg+xml" href="/icon.svg" sizes="any">"#;
    assert_eq!(
        links(html),
        [
            "https://news.example/icon.svg",
            "https://news.example/big.png"
        ]
    );
}

#[test]
fn hostile_links_are_dropped() {
    let long = "a".repeat(3000);
    let html = format!(
        r#"<link rel="icon" href="javascript:alert(1)">
        <link rel="icon" href="data:image/png;base64,AAAA">
        <link rel="icon" href="file:///etc/passwd">
        <link rel="icon" href="   ">
        <link rel="icon" href="/{long}.png">
        <link rel="icon" href="/ok.png"><link rel="ICON" href="/ok.png">"#
    );
    assert_eq!(links(&html), ["https://news.example/ok.png"]);
    assert!(links("<html><body>no head at all</body></html>").is_empty());
}
