use tidings_core::api::LaunchRequest;
use url::Url;

use super::arguments::{launch_request, subscription_address};

fn address(argument: &str) -> Result<String, String> {
    subscription_address(argument).expect("an argument about a feed")
}

#[test]
fn feed_links_become_web_addresses() {
    assert_eq!(
        address("feed:https://example.com/rss.xml").unwrap(),
        "https://example.com/rss.xml"
    );
    assert_eq!(
        address("feed://example.com/atom.xml").unwrap(),
        "http://example.com/atom.xml"
    );
    assert_eq!(
        address("FEEDS://example.com/a?b=c").unwrap(),
        "https://example.com/a?b=c"
    );
    assert_eq!(
        address("https://example.com/").unwrap(),
        "https://example.com/"
    );
}

#[test]
fn only_web_addresses_are_offered() {
    for hostile in [
        "feed:javascript:alert(1)",
        "feed:file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
    ] {
        let error = address(hostile).unwrap_err();
        assert!(error.contains("is not a web address"), "{hostile}: {error}");
    }
}

#[test]
fn options_are_not_feeds() {
    assert_eq!(subscription_address("--verbose"), None);
    assert_eq!(subscription_address("  "), None);
    assert_eq!(
        launch_request(["--verbose".into(), "feed://example.com/rss".into()]),
        Some(LaunchRequest::Offer {
            address: "http://example.com/rss".into()
        })
    );
}

#[test]
fn an_article_link_asks_to_show_the_article() {
    assert_eq!(
        launch_request(["tidings://article/42".into()]),
        Some(LaunchRequest::OpenArticle { article_id: 42 })
    );
    let Some(LaunchRequest::Refused { reason }) =
        launch_request(["tidings://localhost/image?src=x".into()])
    else {
        panic!("a tidings link to no article was not refused");
    };
    assert!(reason.contains("is not a link to an article"), "{reason}");
}

#[test]
fn a_saved_feed_file_offers_its_website() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.rss");
    std::fs::write(
        &path,
        r#"<rss version="2.0"><channel><title>News</title><link>https://news.example/</link></channel></rss>"#,
    )
    .unwrap();
    assert_eq!(
        address(path.to_str().unwrap()).unwrap(),
        "https://news.example/"
    );
    let file_url = Url::from_file_path(&path).unwrap();
    assert_eq!(address(file_url.as_str()).unwrap(), "https://news.example/");

    std::fs::write(&path, "<html><body>not a feed</body></html>").unwrap();
    assert!(
        address(path.to_str().unwrap())
            .unwrap_err()
            .contains("is not a feed")
    );
    let missing = dir.path().join("missing.rss");
    assert!(
        address(missing.to_str().unwrap())
            .unwrap_err()
            .starts_with("Cannot open")
    );
}
