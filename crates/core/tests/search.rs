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
        whole_words: false,
    }
}

async fn titles(library: &Library, query: SearchQuery) -> Vec<String> {
    library
        .search(query, None)
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
    assert!(
        library
            .search(query("   "), None)
            .await
            .unwrap()
            .hits
            .is_empty()
    );
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
    assert!(
        library
            .search(query("NEAR( OR ) title: \""), None)
            .await
            .is_ok()
    );
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

    let hit = library.search(query("weather"), None).await.unwrap().hits[0]
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
    let results = library
        .search(query("putin vostochny"), None)
        .await
        .unwrap();
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

    let results = library.search(query("sports"), None).await.unwrap();
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

/// A library of one feed of `count` articles, all about the harbour, one in twenty (19, 39, …)
/// about the lighthouse too; article `i` is `i` minutes old.
fn harbour_library(dir: &std::path::Path, count: usize) -> Library {
    use tidings_core::store::{FeedUpdate, NewArticle, Store};
    let path = dir.join("tidings.db");
    let now = tidings_core::now();
    let articles = (0..count)
        .map(|i| {
            let lighthouse = if i % 20 == 19 { " The lighthouse." } else { "" };
            let text = format!("Story {i} from the harbour.{lighthouse}");
            NewArticle {
                identity: format!("story-{i}"),
                guid: None,
                url: None,
                title: format!("Story {i}"),
                author: None,
                content_html: format!("<p>{text}</p>"),
                content_text: text,
                content_hash: (i as u64).to_le_bytes().to_vec(),
                published_at: Some(now - 60 * i as i64),
                updated_at: None,
                enclosures_json: None,
                lead_image: None,
                word_count: None,
                extract_error: None,
            }
        })
        .collect();
    let update = FeedUpdate {
        title: "Harbour Log".to_string(),
        articles,
        ..Default::default()
    };
    Store::open(&path)
        .unwrap()
        .insert_feed("https://harbour.example/feed.xml", &update, now, now)
        .unwrap();
    Library::open(&path).unwrap()
}

/// Every page of `text`'s results: the hits' titles in order, the totals each page gave, and
/// the feeds on the first and on the others.
async fn every_page(library: &Library, text: &str) -> (Vec<String>, Vec<(u32, bool)>, usize) {
    let (mut titles, mut totals, mut later_feeds) = (Vec::new(), Vec::new(), 0);
    let mut after = None;
    loop {
        let page = library.search(query(text), after).await.unwrap();
        assert!(page.hits.len() <= tidings_core::search::RESULTS);
        titles.extend(page.hits.iter().map(|h| h.article.title.clone()));
        totals.push((page.total, page.capped));
        if after.is_some() {
            later_feeds += page.feeds.len();
        }
        match page.next {
            Some(next) => after = Some(next),
            None => return (titles, totals, later_feeds),
        }
    }
}

#[tokio::test]
async fn results_come_a_page_at_a_time_each_match_once_with_a_true_count() {
    let dir = tempfile::tempdir().unwrap();
    let library = harbour_library(dir.path(), 2_060);

    // Fewer matches than are ranked: counted exactly, three pages, each lighthouse story once.
    let (titles, totals, _) = every_page(&library, "lighthouse ").await;
    assert_eq!(totals, [(103, false); 3]);
    let mut expected: Vec<String> = (0..2_060)
        .filter(|i| i % 20 == 19)
        .map(|i| format!("Story {i}"))
        .collect();
    let mut found = titles.clone();
    expected.sort();
    found.sort();
    assert_eq!(found, expected);
    let first = library.search(query("lighthouse "), None).await.unwrap();
    assert_eq!(first.hits.len(), 50);

    // More than are ranked: "at least 2,000"; the 2,000 stored last ranked, then the 60 stored
    // before them (stories 0 to 59, stored first), the last stored first; the matching feed
    // named on the first page only.
    let (titles, totals, later_feeds) = every_page(&library, "harbour").await;
    assert!(totals.iter().all(|&t| t == (2_000, true)), "{totals:?}");
    assert_eq!(titles.len(), 2_060);
    let distinct: std::collections::HashSet<&String> = titles.iter().collect();
    assert_eq!(distinct.len(), 2_060, "each article once");
    let older: Vec<String> = (0..60).rev().map(|i| format!("Story {i}")).collect();
    assert_eq!(titles[2_000..], older[..]);
    assert_eq!(later_feeds, 0);
    let first = library.search(query("harbour"), None).await.unwrap();
    assert_eq!(first.feeds.len(), 1);
}
