//! End to end: highlights in the real app. A sentence selected with the page's selection API is
//! highlighted from the bar over it, noted from its menu, and stays on the same words through a
//! change of theme and type size and a restart; the article gets a note of its own (`N`); the
//! Highlights view lists it, finds it by its note's words and opens the article at it; what
//! the app kept is then written out as a Markdown note. The keyboard alone reaches a highlight's
//! menu, and a highlight whose words the feed took out is kept and listed. Needs an X display (`xvfb-run -a cargo test --test app app_highlights::`).

use std::sync::{Arc, Mutex};

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_core::api::HighlightFilter;
use tidings_testkit::seed::SeedArticle;

use crate::support::reading::*;
use crate::support::{App, Driver, Sandbox};

/// Selects `words` in the article's body, as a person dragging over them would.
async fn select(app: &App, words: &str) {
    let selected = app
        .client
        .execute(
            "const [words] = arguments;
             const body = document.querySelector('main article .content .body');
             const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
             for (let node = walker.nextNode(); node; node = walker.nextNode()) {
               const at = node.data.indexOf(words);
               if (at < 0) continue;
               const range = document.createRange();
               range.setStart(node, at);
               range.setEnd(node, at + words.length);
               const selection = getSelection();
               selection.removeAllRanges();
               selection.addRange(range);
               return true;
             }
             return false;",
            vec![words.into()],
        )
        .await
        .unwrap();
    assert_eq!(
        selected.as_bool(),
        Some(true),
        "{words:?} is not in the article"
    );
}

/// Waits until the article's highlights cover exactly `words`, in `color`.
async fn wait_for_highlight(app: &App, words: &str, color: &str) {
    let script = format!(
        "const marks = [...document.querySelectorAll('main article mark[data-highlight-id]')];
         return marks.length > 0 && marks.map((m) => m.textContent).join('') === {words:?}
             && marks.every((m) => m.classList.contains('highlight-{color}'));"
    );
    app.wait_until(&format!("{words:?} highlighted in {color}"), &script)
        .await;
}

/// Writes `note` in the open note dialog and keeps it.
async fn write_note(app: &App, note: &str) {
    let field = app.wait_for(Locator::Css("dialog[open] textarea")).await;
    field.send_keys(note).await.unwrap();
    app.click_text("dialog button", "Keep").await;
    app.wait_for_no_dialog().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_highlight_and_its_note_stay_on_their_words_and_go_out_as_markdown() {
    let seed = SeedArticle::load();
    let sentence = seed.paragraphs[1]
        .split_inclusive(". ")
        .next()
        .unwrap()
        .trim()
        .to_string();
    let server = feed_server(atom("The Daily Reader", &[seed_item(&seed)])).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.click_text("section.list li button", &seed.title).await;
    wait_for_reader(&app, &seed.title).await;

    // Selected, then highlighted in green from the bar over the selection.
    select(&app, &sentence).await;
    app.wait_for(Locator::Css(
        "[role=toolbar] button[aria-label='Highlight in green']",
    ))
    .await
    .click()
    .await
    .unwrap();
    wait_for_highlight(&app, &sentence, "green").await;

    // Its menu: a note.
    app.wait_for(Locator::Css("main article mark[data-highlight-id]"))
        .await
        .click()
        .await
        .unwrap();
    app.pick("Add a note…").await;
    write_note(&app, "Ask the archive for the winter timetable").await;
    app.wait_until(
        "the note on the highlight",
        "return document.querySelector('main article mark[data-highlight-id]')?.title
             === 'Ask the archive for the winter timetable'",
    )
    .await;

    // Another theme and a larger type: the same words.
    app.open_reader_settings().await;
    app.pick_theme("dark").await;
    app.set_reader_size(22).await;
    app.done().await;
    wait_for_highlight(&app, &sentence, "green").await;
    photograph(&app, "highlights.png").await;
    app.open_reader_settings().await;
    app.pick_theme("light").await;
    app.done().await;

    // A note on the whole article (N).
    app.press('N').await;
    write_note(&app, "Read with the follow-up piece").await;

    // After a restart, it is there.
    app.quit().await;
    let app = driver.launch().await;
    // Read now, so in All rather than Unread.
    app.press('g').await;
    app.press('a').await;
    app.click_text("section.list li button", &seed.title).await;
    wait_for_reader(&app, &seed.title).await;
    wait_for_highlight(&app, &sentence, "green").await;

    // The Highlights view lists it under its article, finds it by its note's words, and opens
    // the article at it.
    app.wait_for(Locator::XPath(
        "//ul[contains(@class,'views')]//button[.//span[contains(@class,'name')]='Highlights']",
    ))
    .await
    .click()
    .await
    .unwrap();
    let listed = format!(
        "const entries = [...document.querySelectorAll('[data-testid=highlights] .entry')];
         return entries.length === 1 && entries[0].querySelector('.quote').textContent === {sentence:?}
             && entries[0].querySelector('.note').textContent === 'Ask the archive for the winter timetable'
             && document.querySelector('[data-testid=highlights] h2 .title').textContent === {:?};",
        seed.title
    );
    app.wait_until("the Highlights view to list it", &listed)
        .await;
    let find = app
        .wait_for(Locator::Css("section.highlights input[type=search]"))
        .await;
    find.send_keys("meteorology").await.unwrap();
    app.wait_for_text(
        "nothing found",
        "[data-testid=highlights] .empty",
        "text === 'No highlights match.'",
    )
    .await;
    find.clear().await.unwrap();
    find.send_keys("timetable").await.unwrap();
    app.wait_until("the note's words to find it", &listed).await;
    photograph(&app, "highlights-view.png").await;
    app.wait_for(Locator::Css("[data-testid=highlights] .entry"))
        .await
        .click()
        .await
        .unwrap();
    wait_for_reader(&app, &seed.title).await;
    wait_for_highlight(&app, &sentence, "green").await;
    app.quit().await;

    // Written out as a Markdown note, and found by its note's words. (The app's export asks for
    // a folder with the system's dialog, which WebDriver cannot reach; this is what it runs.)
    let library = tidings_core::Library::open(&sandbox.database()).unwrap();
    let found = library
        .list_highlights(HighlightFilter {
            text: "timetable".to_string(),
            ..HighlightFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(found.highlights.len(), 1);
    assert_eq!(found.highlights[0].quote, sentence);
    let folder = tempfile::tempdir().unwrap();
    let report = library
        .export_highlights(folder.path(), None)
        .await
        .unwrap();
    assert_eq!(report.written.len(), 1);
    let note = std::fs::read_to_string(&report.written[0]).unwrap();
    for expected in [
        format!("> {sentence}\n"),
        "\nAsk the archive for the winter timetable\n".to_string(),
        "\nRead with the follow-up piece\n".to_string(),
    ] {
        assert!(note.contains(&expected), "{expected:?} not in:\n{note}");
    }
}

/// The keyboard alone: `h` highlights the selected words, Tab reaches the highlight, Enter opens
/// its menu, the arrows and Enter recolour it, and the focus stays on it. Then the feed sends the
/// article again without those words: the highlight is kept, listed after the article as no
/// longer in it, and its menu still removes it.
#[tokio::test(flavor = "multi_thread")]
async fn a_highlight_is_reached_by_keyboard_and_kept_when_its_words_leave_the_article() {
    let kept = "The council met on Tuesday.";
    let cut = "The ferry timetable changes in winter.";
    let title = "Harbour council";
    let feed = |paragraphs: &[&str], items: &[Item]| {
        let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        let mut all = vec![item(title, 7_200, &body)];
        all.extend_from_slice(items);
        atom("The Daily Reader", &all)
    };
    let served = Arc::new(Mutex::new(feed(&[kept, cut], &[])));
    let server = changing_feed_server(Arc::clone(&served)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.click_text("section.list li button", title).await;
    wait_for_reader(&app, title).await;

    select(&app, cut).await;
    app.press('h').await;
    wait_for_highlight(&app, cut, "yellow").await;
    let mut tabs = 0;
    while !app
        .client
        .execute(
            "return document.activeElement?.matches('main article mark[data-highlight-id]') === true",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap()
    {
        tabs += 1;
        assert!(tabs < 60, "Tab never reached the highlight");
        press_key(&app, Key::Tab).await;
    }
    press_key(&app, Key::Enter).await;
    app.wait_for(Locator::Css("[role=menu]")).await;
    // Yellow, Green, Blue.
    press_key(&app, Key::Down).await;
    press_key(&app, Key::Down).await;
    press_key(&app, Key::Enter).await;
    wait_for_highlight(&app, cut, "blue").await;
    app.wait_until(
        "the focus still on the highlight",
        "return document.activeElement?.matches('main article mark.highlight-blue') === true",
    )
    .await;

    // The feed's edited article no longer has the sentence; a new one says the refresh came.
    *served.lock().unwrap() = feed(&[kept], &[item("Harbour follow-up", 60, "<p>More.</p>")]);
    app.press('r').await;
    app.wait_for(Locator::XPath(
        "//section[contains(@class,'list')]//li//button[contains(., 'Harbour follow-up')]",
    ))
    .await;
    app.press('g').await;
    app.press('a').await;
    app.click_text("section.list li button", title).await;
    app.wait_for_text(
        "the highlight listed as no longer in the article",
        "main article aside.gone .orphan .quote",
        &format!("text === {cut:?}"),
    )
    .await;
    assert!(
        app.client
            .find(Locator::Css("main article mark[data-highlight-id]"))
            .await
            .is_err(),
        "a mark on words the article no longer has"
    );
    app.wait_for(Locator::Css("main article aside.gone .orphan"))
        .await
        .click()
        .await
        .unwrap();
    app.pick("Remove the highlight").await;
    app.wait_until(
        "the highlight removed",
        "return document.querySelector('main article aside.gone') === null",
    )
    .await;
    app.quit().await;
}
