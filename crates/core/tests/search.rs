//! Search through the library: words folded and stemmed, phrases, typing-as-you-go, scopes and
//! filters, ranking, highlighting, and matching feed names.

use tidings_core::Library;
use tidings_core::api::{SearchQuery, SearchScope};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

fn item(guid: &str, title: &str, date: &str, body: &str) -> String {
    format!(
        "<item><guid>{guid}</guid><title>{title}</title><pubDate>{date}</pubDate><description>&lt;p&gt;{body}&lt;/p&gt;</description></item>"
    )
}

async fn library() -> (tempfile::TempDir, TestServer, Library) {
    let world = [
        item(
            "1",
            "Putin and Kim explore military cooperation",
            "Tue, 25 Jun 2024 08:00:00 GMT",
            "The leaders met at the Vostochny space center amid arms deal talks.",
        ),
        item(
            "2",
            "Weather for the weekend",
            "Wed, 26 Jun 2024 08:00:00 GMT",
            "Sunny, then an arms-length chance of rain over Pyongyang.",
        ),
        item(
            "3",
            "Café culture in Zürich",
            "Mon, 24 Jun 2024 08:00:00 GMT",
            "A long read about coffee and the people who make it.",
        ),
    ]
    .concat();
    let sport = item(
        "4",
        "Cup final report",
        "Thu, 27 Jun 2024 08:00:00 GMT",
        "The arm of the keeper, Kim, saved the day.",
    );
    let world_feed =
        format!("<rss version=\"2.0\"><channel><title>World Desk</title>{world}</channel></rss>");
    let sport_feed =
        format!("<rss version=\"2.0\"><channel><title>Sports Page</title>{sport}</channel></rss>");
    let server = TestServer::start(
        Router::new()
            .route("/world.xml", get(move || async move { world_feed }))
            .route("/sport.xml", get(move || async move { sport_feed })),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/world.xml")).await.unwrap();
    library.subscribe(&server.url("/sport.xml")).await.unwrap();
    (dir, server, library)
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_string(),
        scope: SearchScope::All,
        unread_only: false,
        since: None,
        until: None,
    }
}

async fn titles(library: &Library, query: SearchQuery) -> Vec<String> {
    library
        .search(query)
        .await
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.article.title)
        .collect()
}

#[tokio::test]
async fn words_are_found_whatever_their_case_accents_or_endings() {
    let (_dir, _server, library) = library().await;
    assert_eq!(
        titles(&library, query("cafe zurich")).await,
        ["Café culture in Zürich"]
    );
    assert_eq!(
        titles(&library, query("VOSTOCHNY")).await,
        ["Putin and Kim explore military cooperation"]
    );
    // "arms" and "arm" are one word to the stemmer.
    let arms = titles(&library, query("arms ")).await;
    assert_eq!(arms.len(), 3, "{arms:?}");
    assert!(
        titles(&library, query("nothing-like-this"))
            .await
            .is_empty()
    );
    assert!(library.search(query("   ")).await.unwrap().hits.is_empty());
}

#[tokio::test]
async fn results_follow_the_typing_and_phrases_stay_phrases() {
    let (_dir, _server, library) = library().await;
    assert_eq!(
        titles(&library, query("vosto")).await,
        ["Putin and Kim explore military cooperation"]
    );
    assert_eq!(
        titles(&library, query("\"space center\"")).await,
        ["Putin and Kim explore military cooperation"]
    );
    assert!(titles(&library, query("\"center space\"")).await.is_empty());
    // FTS syntax in the query is just words, never an error.
    assert!(library.search(query("NEAR( OR ) title: \"")).await.is_ok());
}

#[tokio::test]
async fn scopes_and_filters_narrow_the_search() {
    let (_dir, _server, library) = library().await;
    let feeds = library.list_feeds().await.unwrap();
    let sport = feeds.iter().find(|f| f.title == "Sports Page").unwrap().id;
    let in_sport = SearchQuery {
        scope: SearchScope::Feed { feed_id: sport },
        ..query("arm")
    };
    assert_eq!(titles(&library, in_sport).await, ["Cup final report"]);

    let hit = library.search(query("weather")).await.unwrap().hits[0]
        .article
        .id;
    library.set_bookmarked(hit, true).await.unwrap();
    let bookmarked = SearchQuery {
        scope: SearchScope::Bookmarks,
        ..query("arms")
    };
    assert_eq!(
        titles(&library, bookmarked).await,
        ["Weather for the weekend"]
    );

    library.set_read(hit, true).await.unwrap();
    let unread = SearchQuery {
        unread_only: true,
        ..query("arms")
    };
    assert!(
        !titles(&library, unread)
            .await
            .contains(&"Weather for the weekend".to_string())
    );

    let june_26 = 1_719_360_000;
    let since = SearchQuery {
        since: Some(june_26),
        ..query("arm")
    };
    assert_eq!(
        titles(&library, since).await,
        ["Cup final report", "Weather for the weekend"]
    );
    let until = SearchQuery {
        until: Some(june_26),
        ..query("arm")
    };
    assert_eq!(
        titles(&library, until).await,
        ["Putin and Kim explore military cooperation"]
    );
}

#[tokio::test]
async fn matches_are_marked_in_titles_and_snippets_and_feed_names_match_too() {
    let (_dir, _server, library) = library().await;
    let results = library.search(query("putin vostochny")).await.unwrap();
    let hit = &results.hits[0];
    assert_eq!(
        hit.title_html,
        "<mark>Putin</mark> and Kim explore military cooperation"
    );
    assert!(
        hit.snippet_html
            .contains("the <mark>Vostochny</mark> space center"),
        "{}",
        hit.snippet_html
    );

    let results = library.search(query("sports")).await.unwrap();
    assert_eq!(
        results
            .feeds
            .iter()
            .map(|f| f.title.as_str())
            .collect::<Vec<_>>(),
        ["Sports Page"]
    );
}

#[tokio::test]
async fn a_title_match_outranks_a_newer_passing_mention() {
    let (_dir, _server, library) = library().await;
    // Kim leads one title (June 25) and is named in passing in a newer report (June 27).
    assert_eq!(
        titles(&library, query("kim")).await,
        [
            "Putin and Kim explore military cooperation",
            "Cup final report"
        ]
    );
}
