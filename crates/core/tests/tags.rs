//! Tags through the library: putting them on and taking them off, the tag's view and its
//! counts, searching within a tag, and a tagged article kept as a bookmarked one is.

use tidings_core::api::{ArticleView, ErrorKind, SearchQuery, SearchScope};
use tidings_core::{Error, Library};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

/// A feed of three stories from 2024 (old enough for retention), subscribed; their ids, newest
/// first ("Story 2", "Story 1", "Story 0").
async fn library() -> (tempfile::TempDir, TestServer, Library, Vec<i64>) {
    let items: String = (0..3)
        .map(|i| {
            format!(
                "<item><guid>{i}</guid><title>Story {i}</title>\
                 <description>About harbour seals, part {i}.</description>\
                 <pubDate>Mon, 0{} Jan 2024 10:00:00 GMT</pubDate></item>",
                i + 1
            )
        })
        .collect();
    let feed = format!("<rss version=\"2.0\"><channel><title>Coast</title>{items}</channel></rss>");
    let server =
        TestServer::start(Router::new().route("/feed.xml", get(move || async move { feed }))).await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/feed.xml")).await.unwrap();
    let ids = listed(&library, ArticleView::All).await;
    assert_eq!(ids.len(), 3);
    (dir, server, library, ids)
}

async fn listed(library: &Library, view: ArticleView) -> Vec<i64> {
    let page = library.list_articles(view, None).await.unwrap();
    page.articles.into_iter().map(|a| a.id).collect()
}

fn names(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

#[tokio::test]
async fn a_tag_gathers_its_articles_whatever_the_case_it_is_typed_in() {
    let (_dir, _server, library, ids) = library().await;
    library
        .tag_article(ids[0], names(&["Seals", "  to   read "]))
        .await
        .unwrap();
    library
        .tag_article(ids[2], names(&["seals"]))
        .await
        .unwrap();
    // Tagging again changes nothing.
    library
        .tag_article(ids[2], names(&["SEALS"]))
        .await
        .unwrap();
    library.set_read(ids[2], true).await.unwrap();

    let tags = library.tags().await.unwrap();
    let counted: Vec<_> = tags
        .iter()
        .map(|t| (t.name.as_str(), t.articles, t.unread))
        .collect();
    assert_eq!(counted, [("Seals", 2, 1), ("to read", 1, 1)]);
    let seals = library.tag_named("sEaLs").await.unwrap();
    assert_eq!(seals.id, tags[0].id);
    assert_eq!(
        listed(&library, ArticleView::Tag { tag_id: seals.id }).await,
        [ids[0], ids[2]]
    );
    assert_eq!(
        library.article(ids[0]).await.unwrap().tags,
        ["Seals", "to read"]
    );
    assert!(library.article(ids[1]).await.unwrap().tags.is_empty());

    // Marking the tag's view read marks only its articles.
    let marked = library
        .mark_view_read(ArticleView::Tag { tag_id: seals.id }, None)
        .await
        .unwrap();
    assert_eq!(marked.count, 1);
    assert!(!library.article(ids[1]).await.unwrap().is_read);
}

#[tokio::test]
async fn a_tag_taken_off_its_last_article_is_gone() {
    let (_dir, _server, library, ids) = library().await;
    library
        .tag_article(ids[0], names(&["seals", "coast"]))
        .await
        .unwrap();
    library
        .tag_article(ids[1], names(&["coast"]))
        .await
        .unwrap();
    library
        .untag_article(ids[0], names(&["Seals", "coast", "never there"]))
        .await
        .unwrap();
    let tags: Vec<_> = library
        .tags()
        .await
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.articles))
        .collect();
    assert_eq!(tags, [("coast".to_string(), 1)]);
    assert!(library.article(ids[0]).await.unwrap().tags.is_empty());
    let missing = library.tag_named("seals").await.unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn names_that_cannot_be_tags_are_refused_with_the_reason() {
    let (_dir, _server, library, ids) = library().await;
    let refused = |error: Error| error.to_string();
    for (typed, reason) in [
        ("   ", "a tag needs a name"),
        ("two\nlines", "control characters"),
        (&"x".repeat(65)[..], "at most 64 characters"),
    ] {
        let error = library
            .tag_article(ids[0], names(&[typed]))
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Invalid);
        assert!(refused(error).contains(reason), "{typed:?}");
    }
    // 64 characters of any script are fine.
    library
        .tag_article(ids[0], names(&[&"ü".repeat(64)]))
        .await
        .unwrap();
    assert!(library.tags().await.unwrap().len() == 1);
    let error = library
        .tag_article(999_999, names(&["seals"]))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_search_can_look_within_a_tag() {
    let (_dir, _server, library, ids) = library().await;
    library
        .tag_article(ids[1], names(&["seals"]))
        .await
        .unwrap();
    let tag_id = library.tag_named("seals").await.unwrap().id;
    let query = SearchQuery {
        text: "harbour seals".to_string(),
        scope: SearchScope::Tag { tag_id },
        unread_only: false,
        since: None,
        until: None,
        whole_words: false,
    };
    let found: Vec<_> = library
        .search(query, None)
        .await
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.article.id)
        .collect();
    assert_eq!(found, [ids[1]]);
}

#[tokio::test]
async fn a_tagged_article_outlives_retention_and_its_feed() {
    let (_dir, _server, library, ids) = library().await;
    for &id in &ids {
        library.set_read(id, true).await.unwrap();
    }
    library.tag_article(ids[1], names(&["keep"])).await.unwrap();
    library.set_bookmarked(ids[2], true).await.unwrap();

    // The stories are from 2024: retention takes the read one no one kept.
    assert_eq!(library.apply_retention().await.unwrap(), 1);
    assert_eq!(listed(&library, ArticleView::All).await, [ids[1], ids[2]]);

    let feed = library.article(ids[1]).await.unwrap().feed_id.unwrap();
    library.remove_feed(feed).await.unwrap();
    let kept = library.article(ids[1]).await.unwrap();
    assert_eq!((kept.source_title.as_str(), kept.tags.len()), ("Coast", 1));
    let tag_id = library.tag_named("keep").await.unwrap().id;
    assert_eq!(
        listed(&library, ArticleView::Tag { tag_id }).await,
        [ids[1]]
    );
}
