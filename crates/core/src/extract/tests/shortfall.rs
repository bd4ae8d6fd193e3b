use url::Url;

use crate::extract::extract;

const LEAD: &str = "<p>The council voted on Tuesday to close the old library on Main Street, a \
    decision that surprised the families who use it every week and the staff who run it.</p>";

fn shortfall_of(head: &str, body: &str) -> Option<&'static str> {
    let page = format!(
        "<html><head><title>The library closes</title>{head}</head><body><article>\
         <h1>The library closes</h1>{body}</article></body></html>"
    );
    let url = Url::parse("https://news.example/library").expect("valid URL");
    extract(page.as_bytes(), &url)
        .expect("an article")
        .shortfall
}

#[test]
fn a_paywalled_article_says_the_rest_is_for_subscribers() {
    let json_ld = r#"<script type="application/ld+json">{"@type":"NewsArticle",
        "isAccessibleForFree": false, "hasPart": {"@type":"WebPageElement",
        "isAccessibleForFree":"False","cssSelector":".paywalled"}}</script>"#;
    let locked = r#"<meta property="article:content_tier" content="locked">"#;
    for head in [json_ld, locked] {
        let why = shortfall_of(head, LEAD).expect("a shortfall");
        assert!(why.contains("subscribers"), "{why}");
    }
}

#[test]
fn a_page_that_needs_scripts_says_so() {
    let asks = "<noscript>Please enable JavaScript to read this article.</noscript>";
    let why = shortfall_of("", &format!("{LEAD}{asks}")).expect("a shortfall");
    assert!(why.contains("scripts"), "{why}");
}

#[test]
fn a_short_article_without_such_signs_is_whole() {
    assert_eq!(shortfall_of("", LEAD), None);
    // A free article whose page says so, and a long one behind a paywall's markup.
    let free = r#"<script type="application/ld+json">{"isAccessibleForFree": true}</script>"#;
    assert_eq!(shortfall_of(free, LEAD), None);
    let not_free = r#"<script type="application/ld+json">{"isAccessibleForFree":false}</script>"#;
    assert_eq!(shortfall_of(not_free, &LEAD.repeat(8)), None);
}
