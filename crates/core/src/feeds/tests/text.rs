use super::*;

#[test]
fn names_lose_their_email_addresses() {
    for raw in [
        "Jo Host (host@example.com)",
        "host@example.com (Jo Host)",
        "Jo Host <host@example.com>",
        "Jo Host",
    ] {
        assert_eq!(person_name(raw), "Jo Host", "{raw}");
    }
    assert_eq!(person_name("host@example.com"), "host@example.com");
}

#[test]
fn titles_without_markup_skip_the_html_parser_but_read_the_same() {
    for title in [
        "Fish &amp; Chips",
        "AT&T  and\nfriends",
        "&#8220;Quoted&#x201D; &lt;tag&gt;",
        "caf&eacute;",
        "<b>Bold</b> &amp; co",
        "&#146;",
    ] {
        assert_eq!(
            from_windows_1252_controls(plain_text(title)),
            from_windows_1252_controls(sanitize::plain_text(title)),
            "{title}"
        );
    }
}

#[test]
fn a_feeds_language_is_a_tag_or_nothing() {
    for (raw, tag) in [
        ("ar", Some("ar")),
        (" en-US ", Some("en-US")),
        ("FA_IR", Some("fa-IR")),
        ("zh-Hant-TW", Some("zh-Hant-TW")),
        ("English", None),
        ("en us", None),
        ("", None),
        ("he-", None),
        ("<script>", None),
    ] {
        assert_eq!(language_tag(raw).as_deref(), tag, "{raw:?}");
    }
}
