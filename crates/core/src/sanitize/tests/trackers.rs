use url::Url;

use super::*;
use crate::sanitize::sanitize_html;

fn clean(html: &str) -> String {
    sanitize_html(
        html,
        &Url::parse("https://news.example/story.html").unwrap(),
    )
}

#[test]
fn invisible_images_are_dropped() {
    for pixel in [
        // feedfarm's, as 20% of its items carry it.
        r#"<img src="http://127.0.0.1:8080/pixel.gif?feed=3&amp;item=7" width="1" height="1" alt="">"#,
        r#"<img src="/p.gif" width="0" height="0">"#,
        r#"<img src="/p.gif" height="1px">"#,
        r#"<img src="/p.gif" width=" 1 ">"#,
        r#"<img src="/p.gif" style="display: none">"#,
        r#"<img src="/p.gif" style="border:0; visibility:hidden">"#,
        r#"<img src="/p.gif" style="width:1px;height:1px">"#,
        r#"<img src="/p.gif" hidden>"#,
    ] {
        assert_eq!(
            clean(&format!("<p>Text{pixel}</p>")),
            "<p>Text</p>",
            "{pixel}"
        );
    }
}

#[test]
fn known_counters_are_dropped_whatever_their_size() {
    for address in [
        "https://feeds.feedburner.com/~r/Example/~4/abc123",
        "http://feeds.feedburner.com/~ff/Example?d=yIl2AUoC8zA",
        "https://feedproxy.google.com/~r/Example/~4/abc",
        "https://example.us1.list-manage.com/track/open.php?u=1&id=2",
        "https://eotrx.substackcdn.com/open?token=abc",
        "https://medium.com/_/stat?event=post.clientViewed&postId=1",
        "https://stats.wordpress.com/b.gif?v=noscript",
        "https://pixel.wp.com/b.gif?blog=1",
        "https://www.google-analytics.com/collect?v=1",
        "https://www.facebook.com/tr?id=1&ev=PageView",
    ] {
        assert!(is_tracking_address(address), "{address}");
        let html = format!(r#"<p><img src="{address}" width="600" height="400" alt="x"></p>"#);
        assert_eq!(clean(&html), "<p></p>", "{address}");
    }
}

#[test]
fn pictures_people_see_are_kept() {
    for picture in [
        r#"<img src="https://news.example/a.jpg" width="640" height="360" alt="A harbour">"#,
        r#"<img src="https://news.example/b.png" alt="">"#,
        r#"<img src="https://news.example/c.png" width="100%">"#,
        // A page on the same hosts that is no counter.
        r#"<img src="https://feeds.feedburner.com/logo.png" alt="">"#,
        r#"<img src="https://medium.com/_/statue.jpg" alt="">"#,
        r#"<img src="https://www.facebook.com/travel.jpg" alt="">"#,
        r#"<img src="https://notfacebook.com/tr" alt="">"#,
        // Text and other attributes that merely mention what a tracker looks like.
        r#"<img src="https://news.example/d.png" alt="width=&quot;1&quot; &gt; hidden">"#,
    ] {
        let html = format!("<p>{picture}</p>");
        assert_eq!(clean(&html), html, "{picture}");
    }
    let shown = r#"<img src="https://news.example/e.png" style="max-width: 100%">"#;
    assert_eq!(
        clean(shown),
        r#"<img src="https://news.example/e.png">"#,
        "a style that shows the picture is dropped, not the picture"
    );
}

#[test]
fn html_stored_before_the_rule_loses_its_trackers_when_read() {
    let stored = r#"<p>One</p><p><img src="https://news.example/a.jpg" alt="a &gt; b"><img src="http://127.0.0.1:9/pixel.gif?feed=1&amp;item=2" width="1" height="1" alt=""></p><a href="https://x.example/" title="<img width=&quot;1&quot;>">x</a>"#;
    assert_eq!(
        without_tracking_images(stored),
        r#"<p>One</p><p><img src="https://news.example/a.jpg" alt="a &gt; b"></p><a href="https://x.example/" title="<img width=&quot;1&quot;>">x</a>"#
    );
    let clean = "<p>Nothing to drop <img src=\"https://news.example/a.jpg\"></p>";
    assert!(matches!(without_tracking_images(clean), Cow::Borrowed(_)));
}

#[test]
fn dropping_trackers_keeps_sanitizing_idempotent() {
    let html = r#"<p>A<img src="/p.gif" style="display:none"><img src="/q.gif" width="1" height="1"><img src="/r.jpg" alt="r"></p>"#;
    let once = clean(html);
    assert_eq!(
        once,
        r#"<p>A<img src="https://news.example/r.jpg" alt="r"></p>"#
    );
    assert_eq!(clean(&once), once);
}
