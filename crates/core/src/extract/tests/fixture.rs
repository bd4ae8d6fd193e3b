//! The seed article inside cluttered news-site pages (testdata/seed-*.html): navigation,
//! breadcrumb "Home > World", share buttons, a cookie banner, ad slots, an inline "Read more"
//! link, a newsletter box, most-read and related lists, comments, a footer and scripts. Each must
//! come out as exactly the article's paragraphs, all of them, in order, and nothing else.

use tidings_testkit::seed::SeedArticle;
use url::Url;

use crate::extract::*;

/// 2024-06-25T00:00:00Z, the date line's day.
const JUNE_25_2024: i64 = 1_719_273_600;
const PUBLISHED_AT_EIGHT: i64 = JUNE_25_2024 + 8 * 3600;

fn page_url() -> Url {
    Url::parse(
        "https://www.dailytidings.example/world/2024/06/25/putin-kim-military-cooperation.html",
    )
    .expect("valid URL")
}

fn extract_fixture(name: &str) -> Extracted {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/extract/testdata")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    extract(&bytes, &page_url()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The body's paragraphs as text, in order.
fn paragraphs(html: &str) -> Vec<String> {
    html.split("<p>")
        .skip(1)
        .map(|p| crate::sanitize::text_of_sanitized(p.split("</p>").next().unwrap_or_default()))
        .filter(|p| !p.is_empty())
        .collect()
}

fn assert_exactly_the_article(name: &str, got: &Extracted) {
    let seed = SeedArticle::load();
    assert_eq!(
        paragraphs(&got.html),
        seed.paragraphs,
        "{name}: body paragraphs"
    );
    assert_eq!(got.text, seed.paragraphs.join(" "), "{name}: body text");
    for clutter in [
        "Advertisement",
        "Read more",
        "Share on",
        "cookies",
        "morning briefing",
        "Most read",
        "Comments",
        "Topics",
        "All rights reserved",
        "Home",
        "googletag",
        "Anna Petrova",
        "2024",
    ] {
        assert!(
            !got.text.contains(clutter),
            "{name}: {clutter:?} in {:?}",
            got.text
        );
    }
    assert_eq!(
        got.title.as_deref(),
        Some(seed.title.as_str()),
        "{name}: title"
    );
    let words = got.text.split_whitespace().count();
    assert_eq!(got.word_count, words, "{name}");
    assert_eq!(got.reading_minutes, words.div_ceil(230) as u32, "{name}");
}

#[test]
fn page_with_meta_tags_and_json_ld() {
    let got = extract_fixture("seed-with-metadata.html");
    assert_exactly_the_article("with metadata", &got);
    assert_eq!(got.published, Some(PUBLISHED_AT_EIGHT));
    assert_eq!(got.byline.as_deref(), Some("Anna Petrova"));
    assert_eq!(got.site_name.as_deref(), Some("The Daily Tidings"));
    assert_eq!(
        got.lead_image.as_deref(),
        Some("https://www.dailytidings.example/images/2024/06/putin-kim-vostochny.jpg")
    );
}

#[test]
fn page_without_metadata_dates_from_the_visible_date_line() {
    let got = extract_fixture("seed-no-metadata.html");
    assert_exactly_the_article("no metadata", &got);
    // The masthead's "Wednesday, July 3, 2024" precedes the headline; the date line follows it.
    assert_eq!(got.published, Some(JUNE_25_2024));
    assert_eq!(got.byline.as_deref(), Some("By Anna Petrova"));
    assert_eq!(
        got.lead_image.as_deref(),
        Some("https://www.dailytidings.example/images/2024/06/putin-kim-vostochny.jpg"),
        "the article's first image, made absolute"
    );
}

#[test]
fn body_split_by_an_ad_and_a_related_links_box() {
    let got = extract_fixture("seed-split-body.html");
    assert_exactly_the_article("split body", &got);
    assert_eq!(got.published, Some(PUBLISHED_AT_EIGHT));
    assert!(!got.text.contains("More on this story"), "{}", got.text);
    assert!(!got.text.contains("Related coverage"), "{}", got.text);
}

#[test]
fn body_html_is_the_reader_policys_output() {
    let got = extract_fixture("seed-with-metadata.html");
    assert_eq!(
        crate::sanitize::sanitize_html(&got.html, &page_url()),
        got.html
    );
    for leftover in ["class=", "id=", "<script", "<button", "<form", "data-"] {
        assert!(!got.html.contains(leftover), "{leftover} in {}", got.html);
    }
}

#[test]
fn serializes_with_the_documented_field_names() {
    let got = extract_fixture("seed-with-metadata.html");
    let json = serde_json::to_value(&got).expect("serializes");
    for key in [
        "title",
        "byline",
        "published",
        "site_name",
        "lead_image",
        "html",
        "text",
        "word_count",
        "reading_minutes",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["published"], PUBLISHED_AT_EIGHT);
}

/// feedfarm's page of the seed story (`/site/seed/putin-kim.html`, served on port 18931): its
/// lead figure sits beside the story's container, so readability leaves it, caption and all,
/// out of the body; the page also counts readers with a 1×1 picture inside the story.
#[test]
fn a_lead_figure_left_out_by_readability_comes_back_with_its_caption() {
    let page = Url::parse("http://127.0.0.1:18931/site/seed/putin-kim.html").unwrap();
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/extract/testdata/seed-feedfarm.html"),
    )
    .unwrap();
    let got = extract(&bytes, &page).unwrap();
    let lead = "http://127.0.0.1:18931/site/seed/img/putin-kim-vostochny.jpg";
    assert_eq!(got.lead_image.as_deref(), Some(lead));
    assert!(
        got.html.starts_with(&format!(
            "<figure><img src=\"{lead}\" alt=\"Vladimir Putin and Kim Jong Un\" width=\"320\" height=\"180\">\
             <figcaption>Vladimir Putin welcomes Kim Jong Un at the Vostochny space center. \
             <span>Image: feedfarm</span></figcaption></figure>"
        )),
        "{}",
        got.html
    );
    assert_eq!(got.html.matches("<figure>").count(), 1, "{}", got.html);
    assert!(!got.html.contains("pixel.gif"), "{}", got.html);
    let seed = SeedArticle::load();
    assert_eq!(paragraphs(&got.html), seed.paragraphs);
}
