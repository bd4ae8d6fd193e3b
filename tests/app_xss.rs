//! End to end: the sanitizer proven in the real webview. Every payload of the shared XSS corpus
//! (DOMPurify's and html5lib's, 295) arrives over loopback as an item's content, title, link and
//! enclosure, beside feed-specific tricks (markup in titles, javascript:/file:/data: links and
//! enclosures, xml:base pointing at file:) and hostile OPML entries. The app subscribes,
//! refreshes, and every article is opened in the reader while a probe records:
//! - executions: calls to alert/confirm/prompt/print or to a sentinel the tricks call;
//! - blocked attempts: CSP `securitypolicyviolation` events;
//! - navigations: the page reloading or leaving (the probe would vanish) or a URL handed to the
//!   system browser;
//! - requests: any resource the webview loaded from outside the app, and any request the test
//!   server saw without the backend's user agent;
//! - dangerous nodes: script-capable elements or attributes anywhere in the rendered page.
//!
//! All must be 0. Needs an X display (`xvfb-run -a cargo test --test app app_xss:: -- --nocapture`).

use std::collections::BTreeSet;
use std::path::Path;

use fantoccini::Locator;
use serde_json::Value;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::extract::Path as UrlPath;
use tidings_testkit::axum::http::header;
use tidings_testkit::axum::routing::get;

use crate::support::{App, Driver, Sandbox};

/// Items per feed, so that each feed's list fits in one page of the article list.
const PER_FEED: usize = 75;

fn payloads() -> Vec<String> {
    let dir = tidings_testkit::shared_dir().join("corpora/xss");
    let mut all = Vec::new();
    for file in ["payloads_dompurify.jsonl", "payloads_html5lib.jsonl"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        all.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str::<String>(l).unwrap()),
        );
    }
    assert_eq!(all.len(), 295, "the corpus changed");
    all
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One RSS feed carrying `payloads` as each item's title, link, content and enclosure.
fn payload_feed(number: usize, payloads: &[String]) -> String {
    let items: String = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let p = xml_escape(p);
            format!(
                "<item><guid>payload-{number}-{i}</guid><title>{p}</title><link>{p}</link>\
                 <description>{p}</description>\
                 <enclosure url=\"{p}\" type=\"audio/mpeg\" length=\"1\"/></item>\n"
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Payloads {number}</title><link>http://127.0.0.1/</link>{items}</channel></rss>"#
    )
}

/// Tricks only a feed can play: markup and script in titles, links and enclosures to other
/// schemes, a base address on the local disk, CDATA that hides markup, and an SVG lead picture.
const TRICKS_ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="file:///etc/">
  <title type="html">&lt;img src=x onerror=__xss_sentinel(1)&gt;Tricks</title>
  <id>urn:tricks</id><updated>2024-06-25T00:00:00Z</updated>
  <link href="javascript:__xss_sentinel(2)"/>
  <entry>
    <id>urn:tricks:1</id><updated>2024-06-25T00:00:00Z</updated>
    <title type="html">&lt;script&gt;__xss_sentinel(3)&lt;/script&gt;Script in an HTML title</title>
    <link href="javascript:__xss_sentinel(4)"/>
    <link rel="enclosure" href="javascript:__xss_sentinel(5)" type="audio/mpeg" length="1"/>
    <content type="html">&lt;a href="passwd"&gt;relative to file:&lt;/a&gt; &lt;img src="shadow"&gt; &lt;a href="javascript:__xss_sentinel(6)"&gt;js&lt;/a&gt;</content>
  </entry>
  <entry xml:base="file:///home/">
    <id>urn:tricks:2</id><updated>2024-06-25T00:00:00Z</updated>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="__xss_sentinel(7)"/>XHTML title</div></title>
    <link href="file:///etc/passwd"/>
    <link rel="enclosure" href="file:///etc/shadow" type="audio/mpeg" length="1"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><svg onload="__xss_sentinel(8)"/><a href="me">base is file:</a><iframe src="javascript:__xss_sentinel(9)"/></div></content>
  </entry>
  <entry>
    <id>urn:tricks:3</id><updated>2024-06-25T00:00:00Z</updated>
    <title>&lt;b onmouseover=__xss_sentinel(10)&gt;Plain title with markup&lt;/b&gt;</title>
    <link href="data:text/html;base64,PHNjcmlwdD5fX3hzc19zZW50aW5lbCgxMSk8L3NjcmlwdD4="/>
    <link rel="enclosure" href="data:text/html,&lt;script&gt;__xss_sentinel(12)&lt;/script&gt;" type="text/html" length="1"/>
    <content type="html"><![CDATA[<object data="data:text/html,<script>__xss_sentinel(13)</script>"></object><form action="javascript:__xss_sentinel(14)"><button>go</button></form><math><mi xlink:href="javascript:__xss_sentinel(15)">x</mi></math><meta http-equiv="refresh" content="0;url=javascript:__xss_sentinel(16)"><base href="javascript:__xss_sentinel(17)//"><a href="vbscript:msgbox(18)">vb</a>]]></content>
  </entry>
</feed>"#;

const TRICKS_RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title><![CDATA[<script>__xss_sentinel(20)</script>RSS tricks]]></title><link>javascript:__xss_sentinel(21)</link>
<item><guid>r1</guid><title><![CDATA[<img src=x onerror=__xss_sentinel(22)>CDATA title]]></title>
  <link>  javascript:__xss_sentinel(23)</link>
  <description>&lt;p style="background:url(javascript:__xss_sentinel(24))"&gt;styled&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>Full</p><script>__xss_sentinel(25)</script><img src="data:image/svg+xml,<svg onload=__xss_sentinel(26)>"><video src=x onerror=__xss_sentinel(27)></video><a href="&#106;avascript:__xss_sentinel(28)">entity scheme</a><link rel=stylesheet href="http://127.0.0.1:1/x.css"><style>@import 'http://127.0.0.1:1/y.css';</style>]]></content:encoded>
  <enclosure url="file:///etc/passwd" type="image/png" length="1"/>
  <media:content url="javascript:__xss_sentinel(29)" medium="image"/>
  <media:thumbnail url="data:image/svg+xml,&lt;svg onload=__xss_sentinel(30)&gt;"/>
</item>
<item><guid>r2</guid><title>Title &amp;lt;i&amp;gt;double-escaped&amp;lt;/i&amp;gt; &lt;svg/onload=__xss_sentinel(31)&gt;</title>
  <link>//127.0.0.1:1/protocol-relative</link>
  <description>&lt;a href="http://127.0.0.1:1/" target="_blank" rel="opener"&gt;new window&lt;/a&gt;&lt;img srcset="http://127.0.0.1:1/a.png 1x" src="/ok.png"&gt;</description>
</item>
</channel></rss>"#;

/// OPML entries that try it too: markup in names, other schemes as feed and site addresses.
fn hostile_opml(feed_urls: &[String]) -> String {
    let mut outlines = String::from(
        r#"<outline text="&lt;img src=x onerror=__xss_sentinel(40)&gt;Folder">
             <outline type="rss" text="javascript feed" xmlUrl="javascript:__xss_sentinel(41)"/>
             <outline type="rss" text="file feed" xmlUrl="file:///etc/passwd"/>
             <outline type="rss" text="data feed" xmlUrl="data:application/rss+xml,&lt;rss/&gt;"/>
           </outline>"#,
    );
    for (n, url) in feed_urls.iter().enumerate() {
        outlines.push_str(&format!(
            r#"<outline type="rss" text="&lt;script&gt;__xss_sentinel(42)&lt;/script&gt;Feed {n}" title="&lt;svg onload=__xss_sentinel(43)&gt;" xmlUrl="{url}" htmlUrl="javascript:__xss_sentinel(44)"/>"#
        ));
    }
    format!(
        r#"<?xml version="1.0"?><opml version="2.0"><head><title>&lt;script&gt;__xss_sentinel(45)&lt;/script&gt;</title></head><body>{outlines}</body></opml>"#
    )
}

async fn serve(payloads: &[String]) -> (TestServer, Vec<String>) {
    let feeds: Vec<String> = payloads
        .chunks(PER_FEED)
        .enumerate()
        .map(|(n, chunk)| payload_feed(n, chunk))
        .collect();
    let count = feeds.len();
    let xml = |body: String| ([(header::CONTENT_TYPE, "application/xml")], body);
    let router = Router::new()
        .route(
            "/payloads/{n}",
            get(move |UrlPath(n): UrlPath<usize>| {
                let body = feeds[n].clone();
                async move { xml(body) }
            }),
        )
        .route(
            "/tricks.atom",
            get(move || async move { xml(TRICKS_ATOM.into()) }),
        )
        .route(
            "/tricks.rss",
            get(move || async move { xml(TRICKS_RSS.into()) }),
        );
    let server = TestServer::start(router).await;
    let mut urls: Vec<String> = (0..count)
        .map(|n| server.url(&format!("/payloads/{n}")))
        .collect();
    urls.push(server.url("/tricks.atom"));
    urls.push(server.url("/tricks.rss"));
    (server, urls)
}

/// Installed before any article is shown. Counts what must never happen.
const PROBE: &str = r#"
    if (window.__probe) return;
    const probe = { executions: [], violations: [] };
    window.__probe = probe;
    const hit = (what) => (...args) => { probe.executions.push(what + ' ' + String(args[0])); };
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = hit(name);
    window.__xss_sentinel = hit('sentinel');
    document.addEventListener('securitypolicyviolation', (e) => {
        probe.violations.push(e.violatedDirective + ' ' + e.blockedURI);
    }, true);
"#;

/// What the probe found, read at the end. A page that navigated away has lost its probe.
const READ_PROBE: &str = r#"
    const probe = window.__probe;
    const outside = performance.getEntriesByType('resource').map((e) => e.name)
        .filter((n) => !/^(tauri:|tidings:|ipc:|http:\/\/(ipc|tidings|tauri)\.localhost)/.test(n));
    const dangerous = [];
    for (const el of document.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        // Where feed content is shown; the app's own dialogs may hold forms of their own.
        const fromFeeds = el.closest('main.reader, section.list, nav.sidebar');
        if (fromFeeds && ['iframe', 'object', 'embed', 'frame', 'form', 'base', 'meta', 'link',
            'style', 'svg', 'math', 'video', 'audio', 'source'].includes(tag)) {
            dangerous.push('<' + tag + '>');
        }
        if (tag === 'script' && !el.closest('head')) dangerous.push('<script> in body');
        for (const attr of el.attributes) {
            const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
            if (attr.name.startsWith('on') || attr.name === 'srcdoc' || attr.name === 'formaction'
                || /^(javascript|vbscript|data|file):/.test(value) && attr.name !== 'content') {
                dangerous.push(tag + '[' + attr.name + '=' + attr.value.slice(0, 60) + ']');
            }
        }
    }
    return {
        alive: !!probe,
        location: location.href,
        executions: probe ? probe.executions : [],
        violations: probe ? probe.violations : [],
        outside,
        dangerous,
    };
"#;

/// Where the walk through a feed stands: the article in the reader, the row marked current, and
/// any notice the app shows (a failed load says so there).
const READER_STATE: &str = r#"
    const current = document.querySelector('section.list button[aria-current=true]')?.closest('li');
    return {
        shown: document.querySelector('main.reader article[data-article-id]')?.dataset.articleId ?? null,
        heading: document.querySelector('main.reader article h1')?.textContent ?? null,
        current: current?.dataset.articleId ?? null,
        notice: document.querySelector('[role=alert]')?.textContent ?? null,
    };
"#;

async fn reader_state(app: &App) -> Value {
    app.client.execute(READER_STATE, vec![]).await.unwrap()
}

/// Reads through the feed just chosen the way a person would, pressing `j` from its first article
/// to its last, and waits each time until the reader shows the article the list marks current.
/// `feeds` holds each feed's article ids; returns the ids of the articles shown.
async fn read_through_feed(
    app: &App,
    feeds: &[BTreeSet<String>],
    before: &BTreeSet<String>,
) -> BTreeSet<String> {
    let rows = "const rows = [...document.querySelectorAll('section.list li[data-article-id]')];
        return [rows.map((li) => li.dataset.articleId), Number(rows[0]?.getAttribute('aria-setsize') ?? 0)]";
    let deadline = std::time::Instant::now() + crate::support::PATIENCE;
    // Until its page arrives, the list still shows the view before (whose first rows may all be
    // of one feed): the chosen feed is listed once the rows on screen are of a feed not read yet
    // and the list is as long as that feed.
    let feed = loop {
        let (on_screen, size): (BTreeSet<String>, f64) =
            serde_json::from_value(app.client.execute(rows, vec![]).await.unwrap()).unwrap();
        let unread = feeds.iter().find(|feed| {
            !on_screen.is_empty()
                && on_screen.is_subset(feed)
                && feed.len() as f64 == size
                && feed.is_disjoint(before)
        });
        if let Some(feed) = unread {
            break feed;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the chosen feed's articles never listed: {:?}",
            reader_state(app).await
        );
        tokio::task::yield_now().await;
    };
    let mut shown = BTreeSet::new();
    let mut last = Value::Null;
    while shown.len() < feed.len() {
        app.press('j').await;
        let deadline = std::time::Instant::now() + crate::support::PATIENCE;
        loop {
            let state = reader_state(app).await;
            if state["shown"] != last
                && state["shown"] == state["current"]
                && state["heading"].is_string()
            {
                last = state["shown"].clone();
                shown.insert(last.as_str().unwrap().to_string());
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "after article {} of {}, `j` never showed the next one: {state}",
                shown.len(),
                feed.len()
            );
            tokio::task::yield_now().await;
        }
    }
    assert_eq!(&shown, feed, "every article of the feed, each once");
    shown
}

/// Each subscribed feed's article ids, as the list shows them (`data-article-id`).
async fn feed_articles(db: &Path) -> Vec<BTreeSet<String>> {
    use tidings_core::api::ArticleView;
    let library = tidings_core::Library::open(db).unwrap();
    let mut feeds = Vec::new();
    for feed in library.list_feeds().await.unwrap() {
        let page = library
            .list_articles(ArticleView::Feed { feed_id: feed.id }, None)
            .await
            .unwrap();
        assert!(page.next.is_none(), "a whole feed fits in one page");
        feeds.push(page.articles.iter().map(|a| a.id.to_string()).collect());
    }
    feeds
}

fn import_opml(db: &Path, opml: &str) -> tidings_core::api::ImportReport {
    let file = db.parent().unwrap().join("hostile.opml");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    std::fs::write(&file, opml).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let library = tidings_core::Library::open(db).unwrap();
        // The payloads point pictures at hosts on the internet; the backend, which would fetch
        // them for the webview, must not reach out from a test. What the webview does with the
        // markup is the same either way.
        let mut settings = library.settings().await.unwrap();
        settings.remote_images = tidings_core::api::RemoteImages::Never;
        library.set_settings(settings).await.unwrap();
        library.import_opml_file(&file).await.unwrap()
    })
}

async fn stored_articles(db: &Path) -> usize {
    let library = tidings_core::Library::open(db).unwrap();
    library.view_counts().await.unwrap().unread as usize
}

#[tokio::test(flavor = "multi_thread")]
async fn no_payload_runs_navigates_or_reaches_the_network_in_the_real_webview() {
    let payloads = payloads();
    let (server, feed_urls) = serve(&payloads).await;
    let sandbox = Sandbox::new();
    let db = sandbox.database();
    let opml = hostile_opml(&feed_urls);
    let report = tokio::task::spawn_blocking({
        let db = db.clone();
        move || import_opml(&db, &opml)
    })
    .await
    .unwrap();
    assert_eq!(report.added as usize, feed_urls.len(), "{report:?}");
    assert_eq!(
        report.rejected.len(),
        3,
        "javascript:, file: and data: feeds refused"
    );

    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.client.execute(PROBE, vec![]).await.unwrap();

    // The app refreshes the new subscriptions on its own at startup; the database is polled
    // (with a deadline) because that refresh announces itself only to the window.
    let expected = payloads.len() + 3 + 2;
    let deadline = std::time::Instant::now() + crate::support::PATIENCE * 3;
    while stored_articles(&db).await < expected {
        assert!(
            std::time::Instant::now() < deadline,
            "the feeds never all arrived"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }

    let feeds = feed_articles(&db).await;
    let mut opened = BTreeSet::new();
    let feed_rows = "nav.sidebar li.feed button.row";
    let count = app
        .client
        .find_all(Locator::Css(feed_rows))
        .await
        .unwrap()
        .len();
    assert_eq!(count, feed_urls.len());
    for n in 0..count {
        let rows = app.client.find_all(Locator::Css(feed_rows)).await.unwrap();
        rows[n].click().await.unwrap();
        let read = read_through_feed(&app, &feeds, &opened).await;
        opened.extend(read);
    }
    let opened = opened.len();
    app.screenshot("xss.png").await;

    let found: Value = app.client.execute(READ_PROBE, vec![]).await.unwrap();
    let list = |key: &str| found[key].as_array().cloned().unwrap_or_default();
    let opened_outside = sandbox.opened_in_browser();
    let navigations =
        usize::from(found["alive"] != Value::Bool(true)) + opened_outside.lines().count();
    let backend = server
        .requests()
        .iter()
        .filter(|r| !r.user_agent.starts_with("Tidings/"))
        .count();
    let requests = list("outside").len() + backend;
    println!(
        "{opened} articles opened: {} executions, {} blocked by the CSP, {navigations} navigations, \
         {requests} webview requests, {} dangerous nodes",
        list("executions").len(),
        list("violations").len(),
        list("dangerous").len()
    );
    assert_eq!(opened, expected, "every article was opened");
    assert!(list("executions").is_empty(), "{:?}", found["executions"]);
    assert!(list("violations").is_empty(), "{:?}", found["violations"]);
    assert_eq!(navigations, 0, "{found} {opened_outside}");
    assert_eq!(requests, 0, "{:?}", found["outside"]);
    assert!(list("dangerous").is_empty(), "{:?}", found["dangerous"]);
    app.quit().await;
}
