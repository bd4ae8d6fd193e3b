//! What a reader expects of an article beyond its paragraphs (testdata/what-a-reader-keeps.html):
//! tables, code blocks, lists and figures with their captions kept; pull quotes and footnotes
//! not doubled, footnotes linked to and from their place; the lead picture once; a short
//! article kept whole, not traded for a longer block beside it. Articles split over several
//! pages ("next page" links) are read one page at a time: the reader shows the page that was
//! saved or linked.

use url::Url;

use crate::extract::*;

fn read(page: &str) -> Extracted {
    let url = Url::parse("https://news.example/bridge").expect("valid URL");
    extract(page.as_bytes(), &url).expect("an article")
}

fn page() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/extract/testdata/what-a-reader-keeps.html");
    std::fs::read_to_string(path).expect("fixture exists")
}

#[test]
fn tables_code_lists_and_captioned_figures_are_kept() {
    let got = read(&page());
    let html = &got.html;
    assert!(
        html.contains("<thead><tr><th>Year</th><th>Cost (million)</th></tr></thead>"),
        "{html}"
    );
    assert_eq!(html.matches("<tr><td>").count(), 3, "{html}");
    assert!(
        html.contains("<pre><code>SELECT cable, avg(tension) FROM readings\nWHERE day"),
        "{html}"
    );
    assert!(html.contains("<ol><li>Survey the riverbed"), "{html}");
    assert_eq!(html.matches("<figcaption>").count(), 2, "{html}");
    assert!(html.contains("<figcaption>Each of the 48 cables carries a sensor.</figcaption>"));
    assert!(!got.text.contains("Another bridge"), "{}", got.text);
}

#[test]
fn pull_quotes_footnotes_and_the_lead_picture_come_once() {
    let got = read(&page());
    // Three pull quotes (an aside, a blockquote, a div) repeat one sentence of the story.
    assert_eq!(
        got.text.matches("built from both banks").count(),
        1,
        "{}",
        got.text
    );
    assert_eq!(got.text.matches("Report on the river crossing").count(), 1);
    // The lead picture is in the body, where the reader shows it, and is the lead picture:
    // the reader puts a lead picture above the text only when the text lacks it.
    let lead = "https://news.example/img/bridge-lead.jpg";
    assert_eq!(got.lead_image.as_deref(), Some(lead));
    assert_eq!(got.html.matches(lead).count(), 1, "{}", got.html);
}

#[test]
fn a_footnote_and_its_way_back_lead_to_their_places_in_the_article() {
    let got = read(&page());
    for (link, target) in [
        ("#from-page-fn1", "<li id=\"from-page-fn1\">"),
        ("#from-page-ref1", " id=\"from-page-ref1\""),
    ] {
        assert!(
            got.html.contains(&format!("href=\"{link}\"")),
            "{link}: {}",
            got.html
        );
        assert_eq!(
            got.html.matches(target).count(),
            1,
            "{target}: {}",
            got.html
        );
    }
    // No other id of the page comes along.
    assert_eq!(got.html.matches(" id=").count(), 2, "{}", got.html);
}

#[test]
fn a_pull_quote_saying_something_new_stays() {
    let page = page().replace(
        "<aside class=\"pullquote\"><p>“It could be built from both banks at once.”</p></aside>",
        "<blockquote class=\"pullquote\"><p>“We would do it again tomorrow,” the mayor said.</p></blockquote>",
    );
    let got = read(&page);
    assert!(
        got.text.contains("We would do it again tomorrow"),
        "{}",
        got.text
    );
}

#[test]
fn a_short_article_is_not_traded_for_a_longer_block_beside_it() {
    // About 300 characters of news, and beside them a longer block readability first sets
    // aside as unlikely ("supplemental") and would take on a second, looser try.
    let story = "<p>The city council voted on Tuesday evening to keep the old library on Main \
        Street open for another year, after more than two hundred families wrote to ask for it. \
        The mayor said the money would come from the parks budget, and that a final decision \
        would follow in the spring.</p>";
    let aside = "<p>Members get early tickets, a monthly magazine, discounts in the shop and \
        invitations to every opening, and they help pay for the programmes that bring school \
        classes to the museum. Membership starts at forty euros a year; families pay sixty, and \
        students and pensioners twenty-five. Ask at the desk or write to the friends' office, \
        which answers within a week and can also arrange gift memberships.</p>";
    let page = format!(
        "<html><head><title>Library stays open</title></head><body>\
         <article><h1>Library stays open</h1>{story}</article>\
         <div class=\"supplemental\">{aside}{aside}</div></body></html>"
    );
    let got = read(&page);
    assert!(got.text.contains("parks budget"), "{}", got.text);
    assert!(!got.text.contains("Membership starts"), "{}", got.text);
}
