//! End to end: a saved page reads as the page did — the story with its lead picture and that
//! picture's caption, as feed articles keep theirs; a page with only part of its article says
//! why and offers the browser; a footnote's link goes to the footnote and back. Needs an X display
//! (`xvfb-run -a cargo test --test app app_saved_pages::`).

use tidings_testkit::Farm;
use tidings_testkit::seed::SeedArticle;

use crate::support::{Driver, Sandbox};

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_page_keeps_its_lead_pictures_caption() {
    let seed = SeedArticle::load();
    let work = tempfile::tempdir().unwrap();
    // The farm's page of the seed story puts its lead figure beside the story's container.
    let farm = Farm::start_local_site(1, 1, work.path()).unwrap();
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    app.save_page(&farm.url("/site/seed/putin-kim.html")).await;
    app.click_text(".notice button", "Open").await;
    crate::support::reading::wait_for_reader(&app, &seed.title).await;
    app.wait_for_text(
        "the lead picture's caption",
        "main article .content figure figcaption",
        "text === 'Vladimir Putin welcomes Kim Jong Un at the Vostochny space center. Image: feedfarm'",
    )
    .await;
    // The captioned picture is the lead picture, shown once, above the story, and it loads.
    app.wait_until(
        "the captioned lead picture to show, once, first",
        "const content = document.querySelector('main article .content');
         const first = content.querySelector('.body').firstElementChild;
         const pictures = content.querySelectorAll('img');
         return first.matches('figure:not(.lead)') && pictures.length === 1
             && first.querySelector('img') === pictures[0]
             && pictures[0].complete && pictures[0].naturalWidth > 0;",
    )
    .await;
    app.quit().await;
}

/// A loopback server with one page at `path`.
async fn serve_page(path: &str, html: String) -> tidings_testkit::TestServer {
    use tidings_testkit::axum::{Router, response::Html, routing::get};
    tidings_testkit::TestServer::start(
        Router::new().route(path, get(move || async move { Html(html) })),
    )
    .await
}

/// A news page whose publisher says the article is not free, and shows its first paragraph.
const PAYWALLED: &str = r#"<html><head><title>The library closes</title>
<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>
</head><body><article><h1>The library closes</h1><p>The council voted on Tuesday to close the
old library on Main Street, a decision that surprised the families who use it every week.</p>
<div class="paywall">Subscribe to read the rest.</div></article></body></html>"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_page_read_only_in_part_says_why_and_offers_the_browser() {
    let server = serve_page("/library.html", PAYWALLED.to_string()).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    app.save_page(&server.url("/library.html")).await;
    app.click_text(".notice button", "Open").await;
    crate::support::reading::wait_for_reader(&app, "The library closes").await;
    // The part that was found, and why there is no more.
    app.wait_for_text(
        "the first paragraph",
        "main article .content p",
        "text.includes('surprised the families')",
    )
    .await;
    app.wait_for_text(
        "the reason there is no more",
        "main article .summary-note p",
        "text.startsWith('Only part of this article could be read: the rest of the article is for the site') && text.includes('subscribers')",
    )
    .await;
    app.click_text("main article .summary-note button", "Open in browser")
        .await;
    sandbox
        .wait_until_opened_in_browser(&server.url("/library.html"))
        .await;
    app.quit().await;
}

/// A long story with a footnote at its end: the note is far below its reference.
fn footnoted_page() -> String {
    let paragraph = "<p>The new bridge over the river took four years to build and cost the city \
        far more than planned, and the council spent many evenings arguing over who would pay \
        for the rest of it and when the road to it would open.</p>";
    format!(
        r##"<html><head><title>The bridge opens</title></head><body><article>
<h1>The bridge opens</h1>
<p>The council's own report says the crossing cost twice its budget.<sup><a href="#fn1" id="ref1">1</a></sup></p>
{}
<section class="footnotes"><ol><li id="fn1">City council, Report on the river crossing, 2024, p. 12. <a href="#ref1">↩</a></li></ol></section>
</article></body></html>"##,
        paragraph.repeat(30)
    )
}

/// Whether the element with `id` has the keyboard and is in the reader's view.
fn focused_in_view(id: &str) -> String {
    format!(
        "const place = document.getElementById('{id}');
         const view = document.querySelector('main.reader').getBoundingClientRect();
         if (!place || document.activeElement !== place) return false;
         const at = place.getBoundingClientRect();
         return at.top >= view.top && at.bottom <= view.bottom;"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_footnotes_link_goes_to_the_footnote_and_back_without_leaving_the_app() {
    let server = serve_page("/bridge.html", footnoted_page()).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    app.save_page(&server.url("/bridge.html")).await;
    app.click_text(".notice button", "Open").await;
    crate::support::reading::wait_for_reader(&app, "The bridge opens").await;
    app.wait_until(
        "the footnote to start below the reader's view",
        "const note = document.getElementById('from-page-fn1');
         const view = document.querySelector('main.reader').getBoundingClientRect();
         return !!note && note.getBoundingClientRect().top > view.bottom;",
    )
    .await;
    app.click_text("main article .content sup a", "1").await;
    app.wait_until(
        "the footnote in view, with the keyboard",
        &focused_in_view("from-page-fn1"),
    )
    .await;
    app.click_text("main article .content li a", "↩").await;
    app.wait_until(
        "its reference in view again",
        &focused_in_view("from-page-ref1"),
    )
    .await;
    assert_eq!(
        sandbox.opened_in_browser(),
        "",
        "nothing opened in the browser"
    );
    app.quit().await;
}
