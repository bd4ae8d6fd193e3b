//! One story, many feeds, through the library: a story two feeds carry is listed once, where it
//! first came, its copy read and naming it ("Also in"); different stories under one title stay
//! apart; the setting lists every copy.

use tidings_core::Library;
use tidings_core::api::{ArticleView, Settings};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

const SEALS: &str = "Grey seals have returned to the sandbank off the harbour for the first \
    time in a decade, rangers said on Tuesday, after a winter in which the colony was feared lost \
    to the storms that reshaped the coast.";
const FERRY: &str = "Ferries to the islands will run a winter timetable from Monday, the \
    operator said, with two crossings a day instead of five until the spring, and the late boat \
    on Fridays kept for the weekend crowd.";
const GULLS: &str = "Gulls nesting on the old pier will be left alone until their chicks \
    fledge, the council agreed after a petition signed by hundreds of residents who had watched \
    them return every year since the pier closed.";

/// `(title, link, text)` items as an RSS feed named `name`, dated within the last hours.
fn feed(name: &str, items: &[(&str, &str, &str)]) -> String {
    let now = chrono::Utc::now();
    let items: String = items
        .iter()
        .enumerate()
        .map(|(i, (title, link, text))| {
            let date = (now - chrono::Duration::hours(i as i64 + 1)).to_rfc2822();
            format!(
                "<item><title>{title}</title><link>{link}</link><guid>{link}</guid>\
                 <description>{text}</description><pubDate>{date}</pubDate></item>"
            )
        })
        .collect();
    format!("<rss version=\"2.0\"><channel><title>{name}</title>{items}</channel></rss>")
}

/// The Coast News and, syndicating it, the Daily Wire (retitled, trimmed, tracked) with a
/// daily briefing each under the same title but about different things.
async fn two_feeds() -> TestServer {
    let coast = feed(
        "Coast News",
        &[
            (
                "Seals return to the sandbank",
                "https://coast.example/seals",
                SEALS,
            ),
            ("Daily briefing", "https://coast.example/briefing-7", FERRY),
        ],
    );
    let trimmed = SEALS.split(", after").next().unwrap();
    let wire = feed(
        "Daily Wire",
        &[
            (
                "Rangers: the colony is back",
                "https://wire.example/story/991?utm_source=rss",
                trimmed,
            ),
            ("Daily briefing", "https://wire.example/briefing-7", GULLS),
        ],
    );
    TestServer::start(
        Router::new()
            .route("/coast.xml", get(move || async move { coast }))
            .route("/wire.xml", get(move || async move { wire })),
    )
    .await
}

async fn titles(library: &Library, view: ArticleView) -> Vec<(String, bool)> {
    let page = library.list_articles(view, None).await.unwrap();
    page.articles
        .into_iter()
        .map(|a| (a.title, a.is_read))
        .collect()
}

fn owned(rows: &[(&str, bool)]) -> Vec<(String, bool)> {
    rows.iter().map(|(t, r)| (t.to_string(), *r)).collect()
}

#[tokio::test]
async fn a_story_two_feeds_carry_is_listed_once_with_also_in() {
    let server = two_feeds().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let coast = library.subscribe(&server.url("/coast.xml")).await.unwrap();
    let wire = library.subscribe(&server.url("/wire.xml")).await.unwrap();

    // Once in All: where it first came. The briefings are two stories.
    assert_eq!(
        titles(&library, ArticleView::All).await,
        owned(&[
            ("Seals return to the sandbank", false),
            ("Daily briefing", false),
            ("Daily briefing", false),
        ])
    );
    assert_eq!(library.view_counts().await.unwrap().unread, 3);
    // The copy stays in its own feed's list, read: the story is read where it first came.
    assert_eq!(
        titles(&library, ArticleView::Feed { feed_id: wire.id }).await,
        owned(&[
            ("Rangers: the colony is back", true),
            ("Daily briefing", false)
        ])
    );
    let first = library
        .list_articles(ArticleView::Feed { feed_id: coast.id }, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    let copy = library
        .list_articles(ArticleView::Feed { feed_id: wire.id }, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    let also: Vec<_> = library
        .article(first)
        .await
        .unwrap()
        .also_in
        .into_iter()
        .map(|c| (c.id, c.source_title))
        .collect();
    assert_eq!(also, [(copy, "Daily Wire".to_string())]);
    let back: Vec<_> = library
        .article(copy)
        .await
        .unwrap()
        .also_in
        .into_iter()
        .map(|c| c.source_title)
        .collect();
    assert_eq!(back, ["Coast News"]);
}

#[tokio::test]
async fn with_the_setting_off_every_copy_is_listed() {
    let server = two_feeds().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let settings = library.settings().await.unwrap();
    assert!(settings.merge_stories, "on unless turned off");
    library
        .set_settings(Settings {
            merge_stories: false,
            ..settings
        })
        .await
        .unwrap();
    library.subscribe(&server.url("/coast.xml")).await.unwrap();
    library.subscribe(&server.url("/wire.xml")).await.unwrap();
    assert_eq!(titles(&library, ArticleView::All).await.len(), 4);
    assert_eq!(library.view_counts().await.unwrap().unread, 4);
}

#[tokio::test]
async fn what_a_story_is_known_by_is_forgotten_after_fourteen_days() {
    let server = two_feeds().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/coast.xml")).await.unwrap();
    let count = |table: &str| -> i64 {
        let conn = rusqlite::Connection::open(library.store().path()).unwrap();
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .unwrap()
    };
    assert_eq!(count("story_prints"), 2);

    // Retention a fortnight on (removing nothing: the articles are unread).
    let later = tidings_core::now() + 15 * 86_400;
    library.store().prune_read_articles(0, later).unwrap();
    assert_eq!(count("story_prints"), 0);
    // A copy arriving now is a story of its own.
    library.subscribe(&server.url("/wire.xml")).await.unwrap();
    assert_eq!(titles(&library, ArticleView::All).await.len(), 4);
}

#[tokio::test]
async fn a_feed_removed_and_subscribed_again_finds_its_stories_again() {
    let server = two_feeds().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/coast.xml")).await.unwrap();
    let wire = library.subscribe(&server.url("/wire.xml")).await.unwrap();
    // Its articles were stored last: their ids are taken again by the next ones.
    library.remove_feed(wire.id).await.unwrap();
    library.subscribe(&server.url("/wire.xml")).await.unwrap();
    assert_eq!(titles(&library, ArticleView::All).await.len(), 3);
}

#[tokio::test]
async fn an_address_every_item_of_a_feed_links_to_names_no_story() {
    // Each item its own guid, every one linking to the live page.
    let live = "https://coast.example/live";
    let item = |guid: &str, title: &str, text: &str| {
        format!(
            "<item><title>{title}</title><link>{live}</link><guid>{guid}</guid>\
             <description>{text}</description></item>"
        )
    };
    let coast = format!(
        "<rss version=\"2.0\"><channel><title>Coast News</title>{}{}</channel></rss>",
        item("coast-1", "Morning update", FERRY),
        item("coast-2", "Evening update", GULLS)
    );
    let wire = format!(
        "<rss version=\"2.0\"><channel><title>Daily Wire</title>{}</channel></rss>",
        item("wire-1", "Seals are back", SEALS)
    );
    let server = TestServer::start(
        Router::new()
            .route("/coast.xml", get(move || async move { coast }))
            .route("/wire.xml", get(move || async move { wire })),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/coast.xml")).await.unwrap();
    library.subscribe(&server.url("/wire.xml")).await.unwrap();
    assert_eq!(titles(&library, ArticleView::All).await.len(), 3);
}
