//! Pages that hold no article, and pages built to be expensive: each must be refused with a
//! reason a person can read, quickly, and never with a panic.

use std::time::{Duration, Instant};

use url::Url;

use crate::extract::*;

fn url() -> Url {
    Url::parse("https://news.example.com/world/story.html").expect("valid URL")
}

fn refusal(html: &[u8]) -> String {
    match extract(html, &url()) {
        Ok(got) => panic!("expected a refusal, got an article: {:?}", got.text),
        Err(e) => e.to_string(),
    }
}

fn teaser(i: usize) -> String {
    format!(
        r#"<article class="teaser"><h2><a href="/world/story-{i}.html">Story number {i} about the day's events</a></h2>
<p class="meta">June 25, 2024 &middot; Staff</p><p>A short summary of story {i}, one or two sentences long, that invites the reader to click through to the full article.</p></article>"#
    )
}

#[test]
fn a_home_page_is_a_list_of_stories() {
    let teasers: String = (0..15).map(teaser).collect();
    let page = format!(
        r#"<html><head><title>The Daily Tidings - News</title><meta property="og:type" content="website"></head>
<body><nav><a href="/">Home</a></nav><main><h1>The Daily Tidings</h1><section class="latest">{teasers}</section></main></body></html>"#
    );
    let reason = refusal(page.as_bytes());
    assert!(reason.contains("home or section page"), "{reason}");
}

#[test]
fn a_sign_in_wall_is_not_an_article() {
    let page = r#"<html><head><title>Sign in | The Daily Tidings</title></head><body>
<main><h1>Sign in to keep reading</h1><p>Subscribers get unlimited access to every story.</p>
<form method="post" action="/login"><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label><button>Sign in</button></form>
<p><a href="/subscribe">Subscribe</a> or <a href="/forgot">reset your password</a>.</p></main></body></html>"#;
    let reason = refusal(page.as_bytes());
    assert!(reason.contains("sign-in page"), "{reason}");
}

#[test]
fn a_not_found_page_is_not_an_article() {
    let page = r#"<html><head><title>Page not found | The Daily Tidings</title></head><body>
<main><h1>404: Page not found</h1><p>Sorry, the page you were looking for has moved or no longer exists. Try searching, or go back to the home page to find the latest news.</p></main></body></html>"#;
    let reason = refusal(page.as_bytes());
    assert!(reason.contains("error page"), "{reason}");
}

#[test]
fn empty_pages_say_so() {
    for page in [
        "",
        "   ",
        "<html></html>",
        "<html><body><div></div></body></html>",
    ] {
        let reason = refusal(page.as_bytes());
        assert!(reason.contains("no article"), "{page:?}: {reason}");
    }
}

#[test]
fn binary_junk_is_refused() {
    let mut junk = b"\x89PNG\r\n\x1a\n".to_vec();
    junk.extend((0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert!(refusal(&junk).contains("binary"));
    assert!(refusal(b"PK\x03\x04\x14\0\0\0\x08\0").contains("binary"));
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let page = format!(
        "<html><body>{}<p>deep</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let started = Instant::now();
    let err = extract(page.as_bytes(), &url()).expect_err("too deep");
    assert!(matches!(err, ExtractError::TooDeep { .. }), "{err}");
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn unclosed_formatting_tags_are_capped_too() {
    let page = format!("<p>{}text</p>", "<b><i><span>".repeat(20_000));
    let started = Instant::now();
    assert!(extract(page.as_bytes(), &url()).is_err());
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn oversized_pages_are_refused() {
    let page = format!("<p>{}</p>", "word ".repeat(MAX_PAGE_BYTES / 5 + 1));
    let err = extract(page.as_bytes(), &url()).expect_err("too large");
    assert!(matches!(err, ExtractError::TooLarge { .. }), "{err}");
}

#[test]
fn broken_markup_and_hostile_payloads_never_panic() {
    let payloads = std::fs::read_to_string(tidings_testkit::corpus("xss/payloads_dompurify.jsonl"))
        .expect("payloads");
    for line in payloads.lines() {
        let Ok(payload) = serde_json::from_str::<String>(line) else {
            continue;
        };
        let page =
            format!("<html><body><article><h1>T</h1><p>{payload}</p></article></body></html>");
        if let Ok(got) = extract(page.as_bytes(), &url()) {
            assert!(!got.html.contains("<script"), "{payload}");
        }
    }
    for junk in [
        "<",
        "<<<>>>",
        "<div",
        "</p></p></div>",
        "<!--",
        "<![CDATA[",
        "\u{feff}<p>",
    ] {
        let _ = extract(junk.as_bytes(), &url());
    }
}

#[test]
fn a_short_real_article_is_still_an_article() {
    let page = r#"<html><head><title>Council approves new library</title></head><body>
<article><h1>Council approves new library</h1><p>The city council voted on Tuesday to build a new public library in the harbour district, ending a debate that lasted three years.</p></article></body></html>"#;
    let got = extract(page.as_bytes(), &url()).expect("an article");
    assert!(
        got.text.starts_with("The city council voted"),
        "{}",
        got.text
    );
    assert_eq!(got.reading_minutes, 1);
}

#[test]
fn an_article_under_a_log_in_box_is_an_article() {
    // The header's log-in box has the page's first <h1>; the page says it is an article.
    let page = r#"<html><head><title>Woman attacks inspector at police station</title>
<meta property="og:type" content="article"></head><body><div class="modal"><h1>Log In</h1>
<form><input type="email"><input type="password"></form></div><article>
<h2>Woman attacks inspector at police station</h2><p>A female police inspector had to seek
medical attention on Friday after she was reportedly hit in the head with a stone.</p></article>
</body></html>"#;
    let got = extract(page.as_bytes(), &url()).expect("an article");
    assert!(got.text.contains("medical attention"), "{}", got.text);
}

#[test]
fn a_story_whose_headline_is_the_title_is_no_front_page() {
    // The masthead's <h1> and the site's other stories, each an <article>: the page is still
    // the one story its title and second <h1> name.
    let teasers: String = (0..18)
        .map(|i| format!(r#"<article><h3><a href="/news/{i}">Story {i}</a></h3></article>"#))
        .collect();
    let page = format!(
        r#"<html><head><title>Colder temperatures forecast for Wednesday | World Radio</title>
<meta property="og:type" content="website"></head><body><h1>World Radio</h1><main>
<h1>Colder temperatures forecast for Wednesday</h1><div class="body_txt">{story}</div></main>
<aside>{teasers}</aside></body></html>"#,
        story = "<p>After heavy downpours on Monday, Tuesday morning was met with strong, cold \
            winds that brought early winter temperatures to the whole country, and the weather \
            agency says Wednesday will be colder still, with frost in the mountains.</p>"
            .repeat(5)
    );
    let got = extract(page.as_bytes(), &url()).expect("an article");
    assert!(got.text.contains("heavy downpours"), "{}", got.text);
}
