//! End to end: a picture Tidings cannot show (never kept, its server away) leaves its place
//! marked, with what it showed in its own words and why it is missing. Needs an X display
//! (`xvfb-run -a cargo test --test app app_pictures::`).

use crate::support::reading::*;
use crate::support::{Driver, Sandbox};

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_picture_leaves_its_description_and_why() {
    // A port nothing listens on: the picture's server is away.
    let away = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let picture = format!("http://{}/harbour.png", away.local_addr().unwrap());
    drop(away);
    let body = format!(
        r#"<p>Before the picture.</p><img src="{picture}" alt="The harbour at dawn"><p>After it.</p>"#
    );
    let items = [item("Morning in the harbour", 3_600, &body)];
    let server = feed_server(atom("Harbour Log", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.click_text("section.list li button", "Morning in the harbour")
        .await;
    wait_for_reader(&app, "Morning in the harbour").await;

    app.wait_for_text(
        "the picture's description",
        "main article .content .missing-picture .picture-alt",
        "text === 'The harbour at dawn'",
    )
    .await;
    app.wait_for_text(
        "why it is missing",
        "main article .content .missing-picture .picture-why",
        "text === 'Picture not available offline'",
    )
    .await;
    // In its place, between the paragraphs around it, with no broken picture left.
    app.wait_until(
        "the placeholder where the picture was",
        "const mark = document.querySelector('.content .missing-picture');
         return mark.previousElementSibling?.textContent === 'Before the picture.'
             && mark.nextElementSibling?.textContent === 'After it.'
             && document.querySelectorAll('.content img').length === 0
             && mark.getAttribute('aria-label') === 'The harbour at dawn: Picture not available offline';",
    )
    .await;
    app.quit().await;
}
