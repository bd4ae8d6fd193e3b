use super::*;

#[test]
fn the_ways_of_writing_one_address_have_one_key() {
    let key = address_key("https://example.com/feed");
    for variant in [
        "http://example.com/feed",
        "https://www.example.com/feed",
        "https://EXAMPLE.com/feed/",
        " https://example.com/feed#top ",
        "https://example.com:443/feed",
    ] {
        assert_eq!(address_key(variant), key, "{variant}");
    }
    let local = address_key("http://127.0.0.1:8080/feeds/1.rss");
    for variant in [
        "http://localhost:8080/feeds/1.rss",
        "https://localhost:8080/feeds/1.rss/",
        "http://[::1]:8080/feeds/1.rss",
    ] {
        assert_eq!(address_key(variant), local, "{variant}");
    }
}

#[test]
fn different_feeds_keep_different_keys() {
    let key = address_key("https://example.com/feed");
    for other in [
        "https://example.com/feed.xml",
        "https://example.com/Feed",
        "https://example.com/feed?category=news",
        "https://example.com:8443/feed",
        "https://blog.example.com/feed",
        "https://example.org/feed",
    ] {
        assert_ne!(address_key(other), key, "{other}");
    }
}

fn known() -> Subscribed {
    Subscribed::new(&[
        KnownFeed {
            id: 1,
            url: "https://www.example.com/blog/feed/".into(),
            site_url: Some("https://www.example.com/blog/".into()),
            titles: vec!["Example Blog".into()],
        },
        KnownFeed {
            id: 2,
            url: "http://127.0.0.1:8080/news.rss".into(),
            site_url: None,
            titles: vec!["News".into(), "My news".into()],
        },
    ])
}

#[test]
fn a_feed_is_found_by_any_of_its_addresses() {
    let known = known();
    assert_eq!(
        known.find(&["http://example.com/blog/feed"], None, "x"),
        Some(1)
    );
    // Fetched at one address, naming the subscribed one as its own.
    assert_eq!(
        known.find(
            &["http://10.0.0.5/feed", "http://localhost:8080/news.rss"],
            None,
            "x"
        ),
        Some(2)
    );
    assert_eq!(known.find(&["https://example.com/other"], None, "x"), None);
}

#[test]
fn a_feed_is_found_by_its_site_and_title_together() {
    let known = known();
    // The blog's Atom feed: another address, the same site and title.
    assert_eq!(
        known.find(
            &["https://example.com/blog/atom.xml"],
            Some("http://example.com/blog"),
            " example   blog "
        ),
        Some(1)
    );
    // Its comments feed: the same site, another title.
    assert_eq!(
        known.find(
            &["https://example.com/blog/comments/feed"],
            Some("https://example.com/blog/"),
            "Comments for Example Blog"
        ),
        None
    );
    // The same title on another site.
    assert_eq!(
        known.find(
            &["https://other.example/feed"],
            Some("https://other.example/"),
            "Example Blog"
        ),
        None
    );
}

#[test]
fn entries_added_while_importing_are_known_at_once() {
    let mut known = known();
    known.add(
        3,
        &["https://new.example/feed"],
        Some("https://new.example/"),
        ["New"],
    );
    assert_eq!(
        known.find(&["http://www.new.example/feed/"], None, ""),
        Some(3)
    );
}

#[test]
fn a_host_name_standing_in_for_a_title_is_no_title() {
    let known = Subscribed::new(&[KnownFeed {
        id: 1,
        url: "https://example.com/news.xml".into(),
        site_url: Some("https://example.com/".into()),
        titles: vec!["example.com".into()],
    }]);
    assert_eq!(
        known.find(
            &["https://example.com/sport.xml"],
            Some("https://example.com/"),
            "example.com"
        ),
        None
    );
}
