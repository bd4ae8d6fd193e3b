use super::remove;

const STORY: &str = "<p>Grenada's Prime Minister has voiced his support for an annual banking \
    summit between the United States and the Caribbean, saying the region is too often taken \
    for granted when policy is made in Washington.</p>";

fn text_after_removal(html: &str) -> String {
    crate::extract::tests::text_after(remove, html)
}

#[test]
fn a_whole_article_named_for_sharing_stays_and_its_share_bar_goes() {
    for wrapper in [
        "entry-content no-share",
        "entry themeform share",
        "share-zone",
    ] {
        let text = text_after_removal(&format!(
            "<div class='{wrapper}'>{STORY}{STORY}{STORY}</div>\
             <div class='share-bar'><a href=/f>Facebook</a><a href=/t>Twitter</a></div>"
        ));
        assert!(text.contains("taken for granted"), "{wrapper}: {text}");
        assert!(!text.contains("Facebook"), "{wrapper}: {text}");
    }
}

#[test]
fn no_ads_means_none_here() {
    let text = text_after_removal(&format!(
        "<div class='post no-ads'>{STORY}</div><div class='ad'>Advertisement 300x250</div>"
    ));
    assert!(text.contains("taken for granted"), "{text}");
    assert!(!text.contains("300x250"), "{text}");
}

#[test]
fn names_written_in_camel_case_are_read_word_by_word() {
    let text = text_after_removal(&format!(
        "<div class='ArticleBody'>{STORY}<div class='RelatedCoverage-container-3AnS'>\
         <a href=/a>Related Coverage</a></div>{STORY}</div>"
    ));
    assert!(text.contains("taken for granted"), "{text}");
    assert!(!text.contains("Related Coverage"), "{text}");
}

#[test]
fn ad_labels_ratings_and_disclaimers_go() {
    let text = text_after_removal(&format!(
        "<div class='post'>{STORY}<span class='proper-caption'>Advertisement:</span>\
         <p>- Anzeige -</p>{STORY}<span class='post-ratings'>(Noch keine \
         Bewertungen)</span><div class='editorial-disclaimer'><p>The disclaimer below does not \
         apply to this story.</p></div><div class='news-letter-section'>Sign up for our \
         letter</div></div>"
    ));
    assert!(text.contains("taken for granted"), "{text}");
    for gone in [
        "Advertisement",
        "Anzeige",
        "Bewertungen",
        "disclaimer",
        "Sign up",
    ] {
        assert!(!text.contains(gone), "{gone}: {text}");
    }
}

#[test]
fn a_live_tickers_entries_are_the_story_not_comments() {
    let text = text_after_removal(&format!(
        "<div class='live-match-comments'><div class='live-match-comment'>{STORY}</div></div>\
         <div class='comments'><p>First! Great article.</p></div>"
    ));
    assert!(text.contains("taken for granted"), "{text}");
    assert!(!text.contains("First!"), "{text}");
}
