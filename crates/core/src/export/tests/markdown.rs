use super::*;
use crate::api::Enclosure;

fn front_matter(article: &Article) -> String {
    let markdown = to_markdown(article);
    let end = markdown[4..].find("---\n").unwrap() + 8;
    markdown[..end].to_string()
}

#[test]
fn front_matter_names_title_url_author_date_and_source() {
    let article = article("Putin and Kim: a meeting", "<p>Body.</p>");
    assert_eq!(
        front_matter(&article),
        "---\n\
         title: \"Putin and Kim: a meeting\"\n\
         url: \"https://news.example/world/story.html\"\n\
         author: \"Jane Doe\"\n\
         date: 2024-06-25T08:00:00Z\n\
         source: \"The Daily Tidings\"\n\
         ---\n"
    );
    assert_eq!(to_markdown(&article), front_matter(&article) + "\nBody.\n");
}

#[test]
fn front_matter_lists_tags_as_quoted_strings() {
    let mut article = article("Tagged", "");
    article.tags = vec!["rust".to_string(), "to read: \"later\"".to_string()];
    assert!(
        front_matter(&article).contains("tags: [\"rust\", \"to read: \\\"later\\\"\"]\n"),
        "{}",
        front_matter(&article)
    );
}

#[test]
fn front_matter_leaves_out_what_is_unknown() {
    let mut article = article("Untold", "");
    article.url = None;
    article.author = Some("  ".to_string());
    article.published_at = None;
    article.source_title = String::new();
    assert_eq!(to_markdown(&article), "---\ntitle: \"Untold\"\n---\n");
}

#[test]
fn front_matter_strings_survive_any_title() {
    let hostile = [
        "Breaking: \"quoted\" #1 - yes",
        "- starts like a list",
        "# starts like a comment",
        "key: value",
        "back\\slash and 'single' quotes",
        "tab\there, newline\nthere, return\r",
        "null",
        "---",
        "emoji 🦀 and RTL שלום مرحبا",
        "\u{1}\u{7f}\u{9b}\u{feff}",
        "",
    ];
    for title in hostile {
        let line = front_matter(&article(title, ""))
            .lines()
            .nth(1)
            .unwrap()
            .to_string();
        let value = line.strip_prefix("title: ").unwrap();
        // These escapes are also JSON's, so a JSON parser reads back what a YAML parser would.
        let read: String = serde_json::from_str(value).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(read, title);
    }
}

#[test]
fn yaml_line_breaks_are_escaped_the_yaml_way() {
    let line = front_matter(&article("a\u{85}b\u{2028}c\u{2029}d", ""))
        .lines()
        .nth(1)
        .unwrap()
        .to_string();
    assert_eq!(line, r#"title: "a\Nb\Lc\Pd""#);
}

#[test]
fn paragraphs_headings_and_breaks() {
    assert_eq!(
        body_markdown("<h1>One</h1><h3>Three</h3><p>First<br>second</p><p>Next</p><h2>Vote #</h2>"),
        "# One\n\n### Three\n\nFirst\\\nsecond\n\nNext\n\n## Vote \\#"
    );
    assert_eq!(body_markdown("<h2>C#<br>and F#</h2>"), "## C# and F#");
    assert_eq!(body_markdown("<p><br>trailing<br></p><p> </p>"), "trailing");
}

#[test]
fn emphasis_keeps_spaces_outside_its_marks() {
    assert_eq!(
        body_markdown("<p>a<em> b </em>c <strong>d</strong>e <b><i>f</i></b> <s>g</s></p>"),
        "a *b* c **d**e ***f*** ~~g~~"
    );
    assert_eq!(body_markdown("<p><em>a <em>b</em></em></p>"), "*a b*");
    assert_eq!(body_markdown("<p>x<em> </em>y</p>"), "x y");
}

#[test]
fn links_and_images_keep_their_original_addresses() {
    assert_eq!(
        body_markdown(
            r#"<p>See <a href="/a b(1)">the <em>story</em></a> and <img src="/p.png" alt="A [map]"></p>"#
        ),
        r"See [the *story*](https://news.example/a%20b\(1\)) and ![A \[map\]](https://news.example/p.png)"
    );
    assert_eq!(
        body_markdown(r#"<p><a href="/x"><img src="/p.png" alt=""></a><a href="/y"> </a></p>"#),
        "[![](https://news.example/p.png)](https://news.example/x)"
    );
    assert_eq!(
        body_markdown(r#"<a href="/card"><h2>Title</h2><p>Teaser</p></a>"#),
        "[Title Teaser](https://news.example/card)"
    );
}

#[test]
fn lists_nest_and_number_from_their_start() {
    assert_eq!(
        body_markdown("<ul><li>one<ul><li>sub</li></ul></li><li>two</li></ul>"),
        "- one\n  - sub\n- two"
    );
    assert_eq!(
        body_markdown(r#"<ol start="9"><li><p>nine</p><p>more</p></li><li>ten</li></ol>"#),
        "9. nine\n\n   more\n\n10. ten"
    );
    assert_eq!(
        body_markdown(
            "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>"
        ),
        "- a\n\n* b\n\n1. c\n\n1) d",
        "adjacent lists must not merge"
    );
    assert_eq!(
        body_markdown("<ul><li>a</li><ul><li>stray</li></ul><li></li></ul>"),
        "- a\n  - stray"
    );
}

#[test]
fn quotes_code_rules_and_figures() {
    assert_eq!(
        body_markdown(
            "<blockquote><p>q1</p><p>q2</p></blockquote><hr><pre>let x = `a`;\n\n  y</pre>"
        ),
        "> q1\n>\n> q2\n\n* * *\n\n```\nlet x = `a`;\n\n  y\n```"
    );
    assert_eq!(
        body_markdown("<pre><code>has ``` inside</code></pre>"),
        "````\nhas ``` inside\n````"
    );
    assert_eq!(
        body_markdown("<p>Run <code>ls -a</code>, <code>a`b</code> or <kbd>`</kbd></p>"),
        "Run `ls -a`, ``a`b`` or `` ` ``"
    );
    assert_eq!(
        body_markdown(
            r#"<figure><img src="/a.jpg" alt="A"><figcaption>The <em>caption</em></figcaption></figure>"#
        ),
        "![A](https://news.example/a.jpg)\n\nThe *caption*"
    );
}

#[test]
fn tables_become_gfm_tables() {
    assert_eq!(
        body_markdown(
            "<table><caption>Results</caption><thead><tr><th>Team</th><th>a|b</th></tr></thead>\
             <tbody><tr><td colspan=\"2\">wide</td><td><p>x</p><p>y</p></td></tr><tr><td>z</td></tr></tbody></table>"
        ),
        "Results\n\n| Team | a\\|b |  |\n| --- | --- | --- |\n| wide |  | x y |\n| z |  |  |"
    );
    assert_eq!(body_markdown("<table><tr></tr></table>"), "");
}

#[test]
fn text_that_looks_like_markdown_stays_text() {
    assert_eq!(
        body_markdown(
            "<p>snake_case _x_ *y* [z] &lt;b&gt; &amp;amp; ~ `t` \\ a&amp;b &amp;c</p>\
             <p>- not a list<br>+ nor this<br>1. nor this<br>2024. A year<br># nor a heading<br>#tag<br>&gt; nor a quote<br>===</p>"
        ),
        "snake_case \\_x\\_ \\*y\\* \\[z\\] \\<b> \\&amp; \\~ \\`t\\` \\\\ a&b &c\n\n\
         \\- not a list\\\n\\+ nor this\\\n1\\. nor this\\\n2024\\. A year\\\n\\# nor a heading\\\n#tag\\\n\\> nor a quote\\\n\\==="
    );
}

#[test]
fn a_lead_image_missing_from_the_body_comes_first_and_attachments_last() {
    let mut article = article("T", "<p>Text</p>");
    article.lead_image = Some("https://news.example/lead.jpg".to_string());
    article.enclosures = vec![Enclosure {
        url: "https://news.example/ep1.mp3?x=1".to_string(),
        mime_type: Some("audio/mpeg".to_string()),
        length: None,
    }];
    let markdown = to_markdown(&article);
    assert!(
        markdown.ends_with(
            "---\n\n![](https://news.example/lead.jpg)\n\nText\n\nAttachments:\n\n\
             - [ep1.mp3](https://news.example/ep1.mp3?x=1)\n"
        ),
        "{markdown}"
    );
    let mut shown = article.clone();
    shown.content_html = sanitize_html(
        r#"<img src="/lead.jpg" alt="Lead">"#,
        &Url::parse("https://news.example/").unwrap(),
    );
    assert_eq!(to_markdown(&shown).matches("lead.jpg").count(), 1);
}

#[test]
fn hostile_markup_is_survived() {
    let deep = format!(
        "{}deep{}",
        "<div><span>".repeat(1_000),
        "</span></div>".repeat(1_000)
    );
    assert_eq!(body_markdown(&deep), "deep");
    let quotes = format!("{}q", "<blockquote>".repeat(300));
    assert!(body_markdown(&quotes).ends_with("q"));
    assert_eq!(
        body_markdown("<p>\u{0}</p><ol start=\"99999999999999\"><li>x</li></ol>"),
        "999999998. x"
    );
}

/// The seed article as its feed delivers it, lead image first.
pub(super) fn seed_article() -> Article {
    let seed = tidings_testkit::seed::SeedArticle::load();
    let figure = format!(
        r#"<figure><img src="{}" alt="Putin and Kim at the Vostochny space center"><figcaption>At the Vostochny space center.</figcaption></figure>"#,
        tidings_testkit::seed::SeedArticle::LEAD_IMAGE
    );
    let mut article = article(&seed.title, &(figure + &seed.body_html()));
    article.url = Some("https://news.example/world/putin-kim.html".to_string());
    article.author = None;
    article.published_at = Some(1_719_302_400);
    article
}

#[test]
fn the_seed_article_exports_as_expected() {
    let expected_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/export/testdata/seed.md");
    let markdown = to_markdown(&seed_article());
    if std::env::var_os("TIDINGS_BLESS").is_some() {
        std::fs::write(&expected_path, &markdown).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap();
    assert_eq!(
        markdown, expected,
        "set TIDINGS_BLESS=1 to accept a deliberate change"
    );
}
