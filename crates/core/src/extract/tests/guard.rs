use super::*;

#[test]
fn scripts_and_styles_go_but_json_ld_stays() {
    let page = r#"<head><STYLE>p{}</STYLE><script type="application/ld+json">{"a":1}</script></head>
<body><!-- <script> --><p>one</p><script>if (a<b) document.write("</div>")</script><p>two</p></body>"#;
    assert_eq!(
        without_scripts(page),
        r#"<head><script type="application/ld+json">{"a":1}</script></head>
<body><!-- <script> --><p>one</p><p>two</p></body>"#
    );
    assert_eq!(
        without_scripts("<p>a</p><script>unclosed"),
        "<p>a</p><script>unclosed"
    );
}

#[test]
fn svg_pictures_go_but_custom_elements_named_alike_stay() {
    let page = r#"<a href=/s><svg viewBox="0 0 9 9"><title>Share on Facebook</title><path d="M0"/></svg>Share</a>
<svg/><p>one</p><svg-icon name=x>two</svg-icon><style-guide>three</style-guide>"#;
    assert_eq!(
        without_scripts(page),
        "<a href=/s>Share</a>\n<p>one</p><svg-icon name=x>two</svg-icon><style-guide>three</style-guide>"
    );
}

#[test]
fn depth_counts_only_tags_that_stay_open() {
    assert_eq!(estimated_depth("<div><div><p>a<p>b<br></div></div>"), 2);
    assert_eq!(estimated_depth("<ul><li>a<li>b<li>c</ul>"), 1);
    assert_eq!(
        estimated_depth("<script>if (a<b) { x = '<div><div><div>' }</script><div></div>"),
        1
    );
    assert_eq!(estimated_depth(&"<div>".repeat(100_000)), 100_000);
}

#[test]
fn a_dated_article_followed_by_other_stories_is_still_an_article() {
    let plain = PageSignals::default();
    let home = "this page has no article: it looks like a home or section page listing stories";
    // Ten linked headlines and a line or two under each, no date: a section page.
    assert_eq!(not_an_article(&plain, 412, 10, false), Some(home));
    // Six linked headlines under a dated story of 348 words: the site's other stories.
    assert_eq!(not_an_article(&plain, 348, 6, true), None);
    // Still a list when there is hardly more text than the headlines.
    assert_eq!(not_an_article(&plain, 200, 6, true), Some(home));
    // Many sites call every page a "website": with five <article>s and 1,151 words it is one.
    let website = PageSignals {
        is_website_not_article: true,
        teasers: 5,
        ..PageSignals::default()
    };
    assert_eq!(not_an_article(&website, 1_151, 0, false), None);
    let front = PageSignals {
        teasers: 18,
        ..website
    };
    assert_eq!(not_an_article(&front, 264, 0, false), Some(home));
}

#[test]
fn noscript_tags_go_and_their_content_stays() {
    assert_eq!(without_noscript_tags("<p>a</p>"), None);
    assert_eq!(
        without_noscript_tags("<div><NoScript ><p>story</p></noscript></div><noscripted>")
            .as_deref(),
        Some("<div><p>story</p></div><noscripted>")
    );
}

#[test]
fn an_article_only_in_noscript_is_read() {
    let paragraph = "<p>Enhanced protection warns people about dangerous sites and downloads \
        before they open them, using what the service has learned from threats elsewhere.</p>";
    let page = format!(
        "<html><head><title>Safer browsing</title></head><body><div class=post-body>\
         <noscript>{}</noscript></div></body></html>",
        paragraph.repeat(12)
    );
    let url = url::Url::parse("https://blog.example/safer").unwrap();
    let reading = crate::extract::read_page(page.as_bytes(), &url).unwrap();
    assert!(
        reading.article.word_count > 150,
        "{:?}",
        reading.article.text
    );
    assert!(reading.article.text.contains("dangerous sites"));
}

#[test]
fn svg_tags_that_close_themselves_add_no_depth() {
    // An icon sprite: hundreds of `<use/>`s in the page's <svg>s (bfn.de has 660).
    let icons = r##"<svg class="icon"><use href="#arrow"/></svg>"##.repeat(1_000);
    assert_eq!(estimated_depth(&format!("<div>{icons}</div>")), 2);
    assert_eq!(
        estimated_depth(r#"<svg><g><path d="M0 0"/><circle r='1' /></g></svg>"#),
        2
    );
    assert_eq!(estimated_depth("<svg/><div></div>"), 1);
    // A slash inside a quoted value, or in an unquoted one, closes nothing.
    assert_eq!(estimated_depth(r#"<svg><g a="/>"><g b=c/></svg>"#), 3);
    // Outside <svg>, and after an HTML element ends the <svg>, `<x/>` stays open as the
    // parser keeps it, so a hostile page cannot hide its depth this way.
    assert_eq!(estimated_depth(&"<span/>".repeat(500)), 500);
    assert_eq!(
        estimated_depth(&format!("<svg><div>{}", "<use/>".repeat(500))),
        502
    );
}
