//! Tests of the exports: each element type, hostile titles and names, the seed article in full.

mod file_name;
mod html;
mod markdown;

use url::Url;

use super::*;
use crate::api::Article;
use crate::sanitize::sanitize_html;

/// An article as the store would hand it over: `body` sanitized against a news site's page.
fn article(title: &str, body: &str) -> Article {
    let page = Url::parse("https://news.example/world/story.html").unwrap();
    Article {
        id: 7,
        feed_id: Some(1),
        source_title: "The Daily Tidings".to_string(),
        title: title.to_string(),
        url: Some(page.to_string()),
        author: Some("Jane Doe".to_string()),
        content_html: sanitize_html(body, &page),
        enclosures: Vec::new(),
        published_at: Some(1_719_302_400), // 2024-06-25T08:00:00Z
        sort_at: 1_719_302_400,
        is_read: false,
        is_bookmarked: true,
        is_saved: false,
        lead_image: None,
        reading_minutes: None,
        extract_error: None,
        pictures_pending: None,
        page_pending: None,
        tags: Vec::new(),
        also_in: Vec::new(),
        language: None,
    }
}

/// The Markdown body only, without the front matter.
fn body_markdown(html: &str) -> String {
    let markdown = to_markdown(&article("T", html));
    let (_, body) = markdown
        .trim_start_matches("---\n")
        .split_once("---\n")
        .unwrap();
    body.trim().to_string()
}

#[test]
fn dates_are_rfc3339_in_utc_within_years_a_file_can_hold() {
    assert_eq!(rfc3339(0).as_deref(), Some("1970-01-01T00:00:00Z"));
    assert_eq!(
        rfc3339(1_719_302_400).as_deref(),
        Some("2024-06-25T08:00:00Z")
    );
    assert_eq!(
        rfc3339(951_782_400).as_deref(),
        Some("2000-02-29T00:00:00Z")
    );
    assert_eq!(rfc3339(-1).as_deref(), Some("1969-12-31T23:59:59Z"));
    assert_eq!(
        rfc3339(253_402_300_799).as_deref(),
        Some("9999-12-31T23:59:59Z")
    );
    assert_eq!(rfc3339(253_402_300_800), None);
    assert_eq!(rfc3339(i64::MAX), None);
    assert_eq!(rfc3339(i64::MIN), None);
}

#[test]
fn formats_are_named_as_people_type_them() {
    assert_eq!(
        "md".parse::<ExportFormat>().unwrap(),
        ExportFormat::Markdown
    );
    assert_eq!(
        " HTML ".parse::<ExportFormat>().unwrap(),
        ExportFormat::Html
    );
    assert!("pdf".parse::<ExportFormat>().is_err());
    assert_eq!(ExportFormat::Markdown.extension(), "md");
    assert_eq!(ExportFormat::Html.extension(), "html");
}
