use super::without_trailing_boilerplate;

const STORY: &str = "<p>The committee approved the new budget on Tuesday after a long debate \
    about the cost of repairing the old bridge over the river.</p>";

#[test]
fn links_and_labels_after_the_story_go() {
    let html = format!(
        "<div>{STORY}{STORY}{STORY}<p>Views:</p><p>Category: Press releases</p>\
         <ul><li><a href=\"https://news.example/a\">Another story</a></li></ul></div>"
    );
    assert_eq!(
        without_trailing_boilerplate(&html),
        format!("<div>{STORY}{STORY}{STORY}</div>")
    );
}

#[test]
fn the_story_s_own_ending_stays() {
    // A last sentence, a short list of facts, a picture: the story's own.
    for ending in [
        "<p>It opens next spring.</p>",
        "<ul><li>Cost: 2 million</li><li>Length: 120 m</li></ul>",
        "<p><img src=\"https://news.example/bridge.jpg\"></p>",
        "<figure><img src=\"https://news.example/bridge.jpg\"></figure><p>Share:</p>",
    ] {
        let html = format!("<div>{STORY}{STORY}{ending}</div>");
        let kept = without_trailing_boilerplate(&html);
        assert!(
            kept.contains(ending.trim_end_matches("<p>Share:</p>")),
            "{kept}"
        );
    }
}

#[test]
fn no_more_than_a_share_of_the_text_is_cut() {
    // Mostly links: a list page. Its end is not cut down to nothing.
    let links =
        "<p><a href=\"https://news.example/x\">A linked headline of some length</a></p>".repeat(5);
    let html = format!("<div>{STORY}{links}</div>");
    let kept = without_trailing_boilerplate(&html);
    assert!(kept.matches("linked headline").count() >= 2, "{kept}");
}
