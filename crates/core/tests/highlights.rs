//! Highlights and notes through the library: a passage highlighted lands on its words, with a
//! note; it is found again after the feed sends an edited text and kept, said to be no longer
//! there, when its words are gone; the Highlights view lists, filters and searches; a
//! highlighted article outlives retention; highlights are written out as Markdown notes.

use std::sync::{Arc, Mutex};

use tidings_core::Library;
use tidings_core::api::{
    ArticleView, ErrorKind, ExportFormat, ExportSelection, HighlightChange, HighlightColor,
    HighlightFilter, NewHighlight,
};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

use super::support::refresh_now;

const FIRST: &str = "The harbour reopened on Monday after three weeks of repairs.";
const SECOND: &str = "Ferries to the islands will run every hour from six in the morning.";
const THIRD: &str = "Fishermen began returning on Sunday night.";

/// A feed whose one story's text the test changes between refreshes, subscribed; the story's
/// id and the feed's text.
async fn library() -> (
    tempfile::TempDir,
    TestServer,
    Library,
    i64,
    Arc<Mutex<String>>,
) {
    let body = Arc::new(Mutex::new(format!("<p>{FIRST} {SECOND}</p><p>{THIRD}</p>")));
    let served = Arc::clone(&body);
    let feed = move || {
        let body = served.lock().unwrap().clone();
        async move {
            format!(
                "<rss version=\"2.0\"><channel><title>Harbour Post</title><item><guid>1</guid>\
                 <title>Harbour reopens</title><link>https://post.example/harbour</link>\
                 <pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>\
                 <description><![CDATA[{body}]]></description></item></channel></rss>"
            )
        }
    };
    let server = TestServer::start(Router::new().route("/feed.xml", get(feed))).await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/feed.xml")).await.unwrap();
    let page = library.list_articles(ArticleView::All, None).await.unwrap();
    let id = page.articles[0].id;
    (dir, server, library, id, body)
}

/// The passage `words` of the article as the reader would send it: where it is in the text
/// (UTF-16 units) and its words.
async fn passage(library: &Library, id: i64, words: &str, color: HighlightColor) -> NewHighlight {
    let text = library.article_text(id).await.unwrap();
    let at = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} not in {text:?}"));
    let units = |s: &str| s.encode_utf16().count() as u32;
    NewHighlight {
        article_id: id,
        start: units(&text[..at]),
        end: units(&text[..at + words.len()]),
        quote: words.to_string(),
        color,
    }
}

/// The words each of the article's highlights covers now (`None`: no longer there).
async fn placed(library: &Library, id: i64) -> Vec<Option<String>> {
    let text: Vec<u16> = library
        .article_text(id)
        .await
        .unwrap()
        .encode_utf16()
        .collect();
    let found = library.article_highlights(id).await.unwrap();
    found
        .highlights
        .iter()
        .map(|h| {
            h.span
                .map(|s| String::from_utf16(&text[s.start as usize..s.end as usize]).unwrap())
        })
        .collect()
}

#[tokio::test]
async fn a_highlight_lands_on_its_words_with_its_note_and_follows_an_edited_text() {
    let (_dir, _server, library, id, body) = library().await;
    let ferries = "Ferries to the islands will run every hour";
    let made = library
        .add_highlight(passage(&library, id, ferries, HighlightColor::Green).await)
        .await
        .unwrap();
    assert_eq!(made.quote, ferries);
    library
        .change_highlight(
            made.id,
            HighlightChange {
                color: Some(HighlightColor::Blue),
                note: Some("  Check the winter timetable.  ".to_string()),
            },
        )
        .await
        .unwrap();
    library
        .add_highlight(passage(&library, id, "returning on Sunday", HighlightColor::Pink).await)
        .await
        .unwrap();
    library
        .set_article_note(id, "Good news for the islands.")
        .await
        .unwrap();
    let found = library.article_highlights(id).await.unwrap();
    assert_eq!(found.note, "Good news for the islands.");
    assert_eq!(found.highlights[0].note, "Check the winter timetable.");
    assert_eq!(found.highlights[0].color, HighlightColor::Blue);
    assert_eq!(
        placed(&library, id).await,
        [
            Some(ferries.to_string()),
            Some("returning on Sunday".to_string())
        ]
    );

    // The feed sends an edited text: words before the first, inside it, and after the second.
    *body.lock().unwrap() = format!(
        "<p>Updated: {FIRST} Ferries to the islands will, weather allowing, run every hour \
         from six in the morning.</p><p>{THIRD} More boats come next week.</p>"
    );
    refresh_now(&library).await;
    assert!(
        library
            .article_text(id)
            .await
            .unwrap()
            .contains("weather allowing")
    );
    assert_eq!(
        placed(&library, id).await,
        [
            Some("Ferries to the islands will, weather allowing, run every hour".to_string()),
            Some("returning on Sunday".to_string())
        ]
    );

    // The second's words are gone: it is kept, listed last, with no place.
    *body.lock().unwrap() = format!("<p>{FIRST} {SECOND}</p><p>The fleet is back.</p>");
    refresh_now(&library).await;
    assert_eq!(
        placed(&library, id).await,
        [Some(ferries.to_string()), None]
    );
    assert_eq!(
        library.article_highlights(id).await.unwrap().highlights[1].quote,
        "returning on Sunday"
    );
}

#[tokio::test]
async fn words_not_in_the_article_are_refused() {
    let (_dir, _server, library, id, _body) = library().await;
    let mut new = passage(&library, id, "three weeks", HighlightColor::Yellow).await;
    new.quote = "four weeks".to_string();
    let refused = library.add_highlight(new).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Invalid);
    assert!(
        refused.to_string().contains("not in the article"),
        "{refused}"
    );
    // Counted differently by the page (one place off): the same words nearby are taken.
    let mut shifted = passage(&library, id, "three weeks", HighlightColor::Yellow).await;
    shifted.start += 1;
    shifted.end += 1;
    let made = library.add_highlight(shifted).await.unwrap();
    assert_eq!(made.quote, "three weeks");
    assert!(
        library
            .add_highlight(passage(&library, id, "", HighlightColor::Yellow).await)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn the_highlights_view_lists_newest_first_by_colour_tag_and_words() {
    let (_dir, _server, library, id, _body) = library().await;
    let mut made = Vec::new();
    for (words, color) in [
        ("harbour reopened", HighlightColor::Yellow),
        ("three weeks of repairs", HighlightColor::Green),
        ("every hour", HighlightColor::Yellow),
    ] {
        made.push(
            library
                .add_highlight(passage(&library, id, words, color).await)
                .await
                .unwrap()
                .id,
        );
    }
    let note = |text: &str| HighlightChange {
        color: None,
        note: Some(text.to_string()),
    };
    library
        .change_highlight(made[1], note("Quay walls rebuilt"))
        .await
        .unwrap();
    let listed = |filter: HighlightFilter| {
        let library = &library;
        async move {
            let page = library.list_highlights(filter).await.unwrap();
            page.highlights.iter().map(|h| h.id).collect::<Vec<_>>()
        }
    };
    assert_eq!(
        listed(HighlightFilter::default()).await,
        [made[2], made[1], made[0]]
    );
    let yellow = HighlightFilter {
        color: Some(HighlightColor::Yellow),
        ..HighlightFilter::default()
    };
    assert_eq!(listed(yellow).await, [made[2], made[0]]);
    // The note's words, stemmed as search does ("walls" finds "wall").
    let words = |text: &str| HighlightFilter {
        text: text.to_string(),
        ..HighlightFilter::default()
    };
    assert_eq!(listed(words("wall")).await, [made[1]]);
    assert_eq!(listed(words("hour")).await, [made[2]]);
    // The article's note brings all its highlights.
    library
        .set_article_note(id, "Islanders cheered")
        .await
        .unwrap();
    assert_eq!(listed(words("islanders")).await.len(), 3);
    let entry = &library
        .list_highlights(words("wall"))
        .await
        .unwrap()
        .highlights[0];
    assert_eq!(
        (
            entry.article_title.as_str(),
            entry.source.as_str(),
            entry.note.as_str()
        ),
        ("Harbour reopens", "Harbour Post", "Quay walls rebuilt")
    );
    // On articles with a tag.
    library
        .tag_article(id, vec!["Ports".to_string()])
        .await
        .unwrap();
    let ports = library.tag_named("ports").await.unwrap();
    let tagged = HighlightFilter {
        tag_id: Some(ports.id),
        ..HighlightFilter::default()
    };
    assert_eq!(listed(tagged).await.len(), 3);
    library.remove_highlight(made[2]).await.unwrap();
    assert_eq!(listed(HighlightFilter::default()).await, [made[1], made[0]]);
    assert_eq!(
        library.remove_highlight(made[2]).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[tokio::test]
async fn a_highlighted_article_outlives_retention() {
    let (_dir, _server, library, id, _body) = library().await;
    library.set_read(id, true).await.unwrap();
    library
        .add_highlight(passage(&library, id, "Fishermen", HighlightColor::Yellow).await)
        .await
        .unwrap();
    // The story is from 2024 and read: retention would take it but for the highlight.
    assert_eq!(library.apply_retention().await.unwrap(), 0);
    assert!(library.article(id).await.is_ok());
}

#[tokio::test]
async fn highlights_are_written_as_markdown_notes() {
    let (dir, _server, library, id, _body) = library().await;
    let made = library
        .add_highlight(
            passage(
                &library,
                id,
                "three weeks of repairs",
                HighlightColor::Yellow,
            )
            .await,
        )
        .await
        .unwrap();
    library
        .change_highlight(
            made.id,
            HighlightChange {
                color: None,
                note: Some("Longer than *planned*".to_string()),
            },
        )
        .await
        .unwrap();
    library
        .set_article_note(id, "Follow up in spring.")
        .await
        .unwrap();
    library
        .tag_article(id, vec!["Ports".to_string()])
        .await
        .unwrap();
    let out = dir.path().join("notes");
    std::fs::create_dir(&out).unwrap();
    let report = library.export_highlights(&out, None).await.unwrap();
    assert_eq!(report.written.len(), 1);
    let written = std::fs::read_to_string(&report.written[0]).unwrap();
    for expected in [
        "title: \"Harbour reopens\"",
        "url: \"https://post.example/harbour\"",
        "tags: [\"Ports\"]",
        &format!("tidings: \"tidings://article/{id}\""),
        "# Harbour reopens",
        &format!(
            "[Open in Tidings](tidings://article/{id}) · [Original](https://post.example/harbour)"
        ),
        "Follow up in spring.",
        "> three weeks of repairs\n\nLonger than \\*planned\\*\n",
    ] {
        assert!(
            written.contains(expected),
            "{expected:?} not in:\n{written}"
        );
    }
    // The article's own export carries them: marked in its text (HTML), or after it (Markdown).
    for (format, expected) in [
        (
            ExportFormat::Html,
            "<mark class=\"highlight highlight-yellow\">three weeks of repairs</mark>",
        ),
        (
            ExportFormat::Markdown,
            "## Highlights and notes\n\nFollow up in spring.\n\n> three weeks of repairs\n",
        ),
    ] {
        let folder = dir.path().join(format!("{format:?}"));
        let report = library
            .export(ExportSelection::One(id), format, &folder)
            .await
            .unwrap();
        let written = std::fs::read_to_string(&report.written[0]).unwrap();
        assert!(
            written.contains(expected),
            "{expected:?} not in:\n{written}"
        );
        assert!(written.contains("Longer than"), "{written}");
    }

    // Only what was highlighted since a date.
    let later = dir.path().join("later");
    std::fs::create_dir(&later).unwrap();
    let none = library
        .export_highlights(&later, Some(tidings_core::now() + 60))
        .await
        .unwrap();
    assert!(none.written.is_empty());
}
