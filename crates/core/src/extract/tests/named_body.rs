//! Readability's choice of article against the block the site names as its article, on real
//! pages of trafilatura's evaluation set (shared/corpora/extraction-eval) where readability
//! alone reads the wrong block. Each page's snippets are the ones people marked as the article.

use url::Url;

use crate::extract::read_page;

fn text_of(file: &str) -> String {
    let path = tidings_testkit::corpus("extraction-eval")
        .join("pages")
        .join(file);
    let html = std::fs::read(&path).expect("corpus page is readable");
    let url = Url::parse("https://page.example/").expect("valid URL");
    let text = read_page(&html, &url).expect("the page reads").article.text;
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_link_roll_is_read_from_its_named_block_not_the_licence_line_beside_it() {
    // nurmeinstandpunkt.wordpress.com: a post of linked items in "entry-content"; readability
    // alone reads the blog's 17-word licence notice.
    let text = text_of("0364c265d0977475.html");
    assert!(
        text.contains("Presseförderung: Studie zweifelt an Stütze vom Staat"),
        "{text}"
    );
    assert!(text.contains("via t3n News"), "{text}");
    assert!(!text.contains("Hier könnte Ihre Meinung stehen"), "{text}");
}

#[test]
fn one_section_of_a_post_is_not_read_as_the_whole_post() {
    // emacspeak.blogspot.com: readability keeps one of the post's sections.
    let text = text_of("c984f962e2f65b5d.html");
    assert!(
        text.contains("Decorators in Python enable you to modify"),
        "{text}"
    );
    assert!(
        text.contains("Speak line moved to after next-line and"),
        "{text}"
    );
}

#[test]
fn a_named_block_is_never_removed_as_clutter() {
    // thebalance.com: the article's block is also called "sc-ad-container", an ad slot's name.
    let text = text_of("4f18e922f2befd7f.html");
    assert!(text.contains("At a Glance"), "{text}");
    assert!(text.contains("1 GBP withdrawal"), "{text}");
    assert!(!text.contains("Kraken vs. Coinbase"), "{text}");
}

#[test]
fn a_block_elsewhere_gives_way_to_the_named_one_of_comparable_length() {
    // journelles.de: readability reads the author's profile; "entry-content" holds a gift guide
    // two thirds its length.
    let text = text_of("0967cf31f61660cc.html");
    assert!(
        text.contains("Geschenke für die Liebsten aussuchen,"),
        "{text}"
    );
    assert!(text.contains("All diese schönen Produkte und"), "{text}");
}
