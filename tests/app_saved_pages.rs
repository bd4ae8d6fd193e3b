//! End to end: a saved page reads as the page did — the story with its lead picture and that
//! picture's caption, as feed articles keep theirs. Needs an X display
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
         const first = content.firstElementChild;
         const pictures = content.querySelectorAll('img');
         return first.matches('figure:not(.lead)') && pictures.length === 1
             && first.querySelector('img') === pictures[0]
             && pictures[0].complete && pictures[0].naturalWidth > 0;",
    )
    .await;
    app.quit().await;
}
