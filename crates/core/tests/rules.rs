//! Rules through the library: the preview, saving (acting on the articles already here, with
//! one Undo), acting on every article a refresh brings, muting, and rules carried in a file.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::refresh_now;
use tidings_core::Library;
use tidings_core::api::{
    ArticleView, ErrorKind, Rule, RuleAction, RuleCondition, RuleField, RuleScope, SearchQuery,
    SearchScope,
};
use tidings_core::rules::RuleSet;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

/// A feed whose items are the titles in `items` (newest first; each says "about the harbour").
async fn library(items: Arc<Mutex<Vec<String>>>) -> (tempfile::TempDir, TestServer, Library) {
    let feed = move || {
        let items = items.lock().unwrap().clone();
        let xml: String = items
            .iter()
            .enumerate()
            .map(|(i, title)| {
                format!(
                    "<item><guid>{title}</guid><title>{title}</title>\
                     <description>A story about the harbour, {i}.</description>\
                     <pubDate>Mon, 0{} Jan 2024 10:00:00 GMT</pubDate></item>",
                    9 - i.min(8)
                )
            })
            .collect();
        format!("<rss version=\"2.0\"><channel><title>Harbour Post</title>{xml}</channel></rss>")
    };
    let server = TestServer::start(
        Router::new().route("/feed.xml", get(move || std::future::ready(feed()))),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/feed.xml")).await.unwrap();
    (dir, server, library)
}

fn owned(titles: &[&str]) -> Vec<String> {
    titles.iter().map(|t| t.to_string()).collect()
}

async fn titles(library: &Library, view: ArticleView) -> Vec<String> {
    let page = library.list_articles(view, None).await.unwrap();
    page.articles.into_iter().map(|a| a.title).collect()
}

fn title_words(words: &str, action: RuleAction) -> Rule {
    Rule {
        scope: RuleScope::All,
        condition: RuleCondition::Words {
            field: RuleField::Title,
            words: words.to_string(),
        },
        action,
    }
}

#[tokio::test]
async fn a_mute_rule_previews_what_it_takes_and_undo_brings_it_back() {
    let items = Arc::new(Mutex::new(owned(&[
        "Sponsored: ferry deals",
        "Harbour opens",
        "SPONSORED cruise offers",
    ])));
    let (_dir, _server, library) = library(Arc::clone(&items)).await;
    let mute = title_words("sponsored", RuleAction::Mute);

    let preview = library.preview_rule(mute.clone()).await.unwrap();
    assert_eq!(preview.count, 2);
    let previewed: Vec<_> = preview.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        previewed,
        ["Sponsored: ferry deals", "SPONSORED cruise offers"]
    );

    let saved = library.save_rule(mute).await.unwrap();
    assert_eq!(saved.changed, 2);
    assert_eq!(titles(&library, ArticleView::All).await, ["Harbour opens"]);
    assert_eq!(library.view_counts().await.unwrap().unread, 1);
    // Search still finds a muted article.
    let query = SearchQuery {
        text: "cruise".to_string(),
        scope: SearchScope::All,
        unread_only: false,
        since: None,
        until: None,
        whole_words: false,
    };
    let hits = library.search(query, None).await.unwrap().hits;
    assert_eq!(hits.len(), 1);
    // Marked unread by hand, a muted article is back in the lists.
    library.set_read(hits[0].article.id, false).await.unwrap();
    assert_eq!(
        titles(&library, ArticleView::All).await,
        ["Harbour opens", "SPONSORED cruise offers"]
    );

    // One Undo takes back all it did; the rule stays for what comes next.
    assert!(library.undo(saved.undo).await.unwrap());
    assert_eq!(titles(&library, ArticleView::Unread).await.len(), 3);
    assert_eq!(library.view_counts().await.unwrap().unread, 3);
    assert_eq!(library.rules().await.unwrap().len(), 1);

    // A refresh brings a new sponsored story: it never shows.
    items
        .lock()
        .unwrap()
        .insert(0, "Sponsored: new tide app".to_string());
    refresh_now(&library).await;
    let all = titles(&library, ArticleView::All).await;
    assert!(
        !all.contains(&"Sponsored: new tide app".to_string()),
        "{all:?}"
    );
    assert_eq!(all.len(), 3);
    assert_eq!(library.view_counts().await.unwrap().unread, 3);
}

#[tokio::test]
async fn rules_tag_bookmark_and_mark_read_what_arrives_in_the_order_they_were_saved() {
    let items = Arc::new(Mutex::new(owned(&["Harbour opens"])));
    let (_dir, _server, library) = library(Arc::clone(&items)).await;
    for rule in [
        title_words(
            "podcast",
            RuleAction::Tag {
                tag: "Listen".to_string(),
            },
        ),
        title_words("podcast", RuleAction::MarkRead),
        Rule {
            scope: RuleScope::All,
            condition: RuleCondition::Phrase {
                field: RuleField::Text,
                phrase: "about the harbour".to_string(),
            },
            action: RuleAction::Bookmark,
        },
    ] {
        library.save_rule(rule).await.unwrap();
    }
    let listed: Vec<_> = library
        .rules()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.rule.action)
        .collect();
    assert!(matches!(
        listed[..],
        [
            RuleAction::Tag { .. },
            RuleAction::MarkRead,
            RuleAction::Bookmark
        ]
    ));
    // Saving the bookmark rule bookmarked the story already here.
    assert_eq!(
        titles(&library, ArticleView::Bookmarks).await,
        ["Harbour opens"]
    );

    items
        .lock()
        .unwrap()
        .insert(0, "Podcast #12: tides".to_string());
    refresh_now(&library).await;
    let tag = library.tag_named("listen").await.unwrap();
    assert_eq!(
        titles(&library, ArticleView::Tag { tag_id: tag.id }).await,
        ["Podcast #12: tides"]
    );
    // Marked read on arrival: only the story from before is unread.
    assert_eq!(
        titles(&library, ArticleView::Unread).await,
        ["Harbour opens"]
    );
    assert_eq!(titles(&library, ArticleView::Bookmarks).await.len(), 2);
}

#[tokio::test]
async fn a_preview_out_of_time_estimates_from_the_newest_articles() {
    let titles: Vec<String> = (0..600)
        .map(|i| {
            if i % 2 == 0 {
                format!("Sponsored {i}")
            } else {
                format!("Story {i}")
            }
        })
        .collect();
    let (_dir, _server, library) = library(Arc::new(Mutex::new(titles))).await;
    let rule = RuleSet::new(vec![title_words("sponsored", RuleAction::Mute)]).unwrap();
    let now = tidings_core::now();
    let store = library.store();
    let all = store.rule_matches(&rule, now, usize::MAX, None).unwrap();
    assert_eq!(
        (all.count, all.estimated, all.newest.len()),
        (300, false, 300)
    );
    // No time at all: the first articles looked at (half of them match) stand for the rest.
    let rushed = store
        .rule_matches(&rule, now, 50, Some(Duration::ZERO))
        .unwrap();
    assert!(rushed.estimated);
    assert!((280..=320).contains(&rushed.count), "{}", rushed.count);
    assert_eq!(rushed.newest.len(), 50);
    assert!(rushed.newest.iter().all(|m| all.newest.contains(m)));
}

#[tokio::test]
async fn a_rule_that_cannot_work_is_refused_and_rules_travel_in_a_file() {
    let items = Arc::new(Mutex::new(owned(&["Harbour opens"])));
    let (_dir, _server, library) = library(items).await;
    let hostile = Rule {
        scope: RuleScope::All,
        condition: RuleCondition::Regex {
            field: RuleField::Text,
            pattern: r"(\w{500}){500}".to_string(),
        },
        action: RuleAction::Mute,
    };
    let error = library.save_rule(hostile.clone()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid);
    assert!(library.preview_rule(hostile).await.is_err());
    assert!(library.rules().await.unwrap().is_empty());

    library
        .save_rule(title_words("sponsored", RuleAction::Mute))
        .await
        .unwrap();
    let file = library.export_rules().await.unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let other = Library::open(&other_dir.path().join("other.db")).unwrap();
    assert_eq!(other.import_rules(&file).await.unwrap(), 1);
    assert_eq!(
        other.rules().await.unwrap()[0].rule,
        title_words("sponsored", RuleAction::Mute)
    );

    // A file with one unusable rule adds none, and says which.
    let broken = file.replace("\"sponsored\"", "\"  \"");
    let error = other.import_rules(&broken).await.unwrap_err();
    assert!(error.to_string().contains("rule 1 of the file"), "{error}");
    assert_eq!(other.rules().await.unwrap().len(), 1);
    assert!(other.import_rules("{\"not\": \"rules\"}").await.is_err());
}

#[tokio::test]
async fn a_notify_rule_names_the_new_articles_it_matches_and_nothing_already_here() {
    let items = Arc::new(Mutex::new(owned(&[
        "Storm warning lifted",
        "Harbour opens",
    ])));
    let (_dir, _server, library) = library(Arc::clone(&items)).await;
    let saved = library
        .save_rule(title_words("storm", RuleAction::Notify))
        .await
        .unwrap();
    assert_eq!(saved.changed, 0, "what is here was seen already");

    items
        .lock()
        .unwrap()
        .insert(0, "Storm warning for the coast".to_string());
    let summary = refresh_now(&library).await;
    let alerts: Vec<_> = summary
        .alerts
        .iter()
        .map(|a| (a.feed_title.as_str(), a.title.as_str()))
        .collect();
    assert_eq!(alerts, [("Harbour Post", "Storm warning for the coast")]);
    // It stays unread, where any other new article would be.
    assert_eq!(library.view_counts().await.unwrap().unread, 3);
}
