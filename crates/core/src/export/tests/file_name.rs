use super::*;

fn stem(title: &str) -> String {
    file_stem(&article(title, ""))
}

fn undated(title: &str) -> String {
    let mut article = article(title, "");
    article.published_at = None;
    article.sort_at = i64::MAX;
    file_stem(&article)
}

/// What any file system accepts as a name, on any system.
fn assert_portable(stem: &str) {
    assert!(!stem.is_empty());
    assert!(stem.chars().count() <= 80, "{stem}");
    assert!(stem.len() <= 160, "{stem}");
    assert!(
        stem.chars()
            .all(|c| c == '-' || c.is_alphanumeric() || is_mark(c)),
        "{stem:?}"
    );
    assert!(!stem.starts_with('-') && !stem.ends_with('-'), "{stem}");
    assert!(!stem.contains("--"), "{stem}");
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{900}'..='\u{dff}' | '\u{e31}'..='\u{e4e}')
}

#[test]
fn date_and_title_make_a_readable_name() {
    assert_eq!(
        stem("Putin and Kim Jong Un Explore Military Cooperation Amid Arms Deal Talks"),
        "2024-06-25-putin-and-kim-jong-un-explore-military-cooperation-amid-arms-deal"
    );
    assert_eq!(
        stem("Kim’s visit: “possibilities” & more!"),
        "2024-06-25-kims-visit-possibilities-more"
    );
    assert_eq!(
        stem("Crème brûlée, Straße, Łódź, Ærø, Œuvre"),
        "2024-06-25-creme-brulee-strasse-lodz-aero-oeuvre"
    );
    assert_eq!(stem("Cafe\u{301} decomposed"), "2024-06-25-cafe-decomposed");
}

#[test]
fn the_date_falls_back_to_arrival_and_is_left_out_when_unwritable() {
    let mut article = article("Saved page", "");
    article.published_at = None;
    article.sort_at = 0;
    assert_eq!(file_stem(&article), "1970-01-01-saved-page");
    assert_eq!(undated("Saved page"), "saved-page");
}

#[test]
fn hostile_titles_become_plain_names() {
    let hostile = [
        "../../etc/passwd",
        "..\\..\\Windows\\System32",
        "C:\\boot.ini",
        "/",
        "...",
        " . ",
        "",
        "🦀🔥💥",
        "\u{202e}gnp.exe",
        "a\u{0}b\u{7}c\nd",
        "שלום עולם",
        "مرحبا بالعالم",
        "Новости дня",
        "नमस्ते दुनिया",
        "東京で会議",
        "<script>alert(1)</script>",
        "trailing dots...",
        "trailing spaces   ",
    ];
    for title in hostile {
        for stem in [stem(title), undated(title)] {
            assert_portable(&stem);
        }
    }
    assert_eq!(undated("../../etc/passwd"), "etc-passwd");
    assert_eq!(stem("🦀🔥💥"), "2024-06-25-article");
    assert_eq!(undated(""), "article");
    assert_eq!(stem("\u{202e}gnp.exe"), "2024-06-25-gnp-exe");
    assert_eq!(stem("שלום עולם"), "2024-06-25-שלום-עולם");
    assert_eq!(stem("नमस्ते दुनिया"), "2024-06-25-नमस्ते-दुनिया");
}

#[test]
fn windows_device_names_are_never_the_whole_name() {
    for device in ["CON", "nul", "Aux", "PRN", "COM1", "lpt9", "COM¹"] {
        let stem = undated(device);
        assert!(stem.ends_with("-article"), "{device} → {stem}");
    }
    assert_eq!(undated("Console"), "console");
    assert_eq!(undated("COM10"), "com10");
}

#[test]
fn long_titles_are_cut_between_words() {
    let long = "word ".repeat(40);
    let stem = stem(&long);
    assert_portable(&stem);
    assert!(stem.ends_with("-word"), "{stem}");
    let unbroken = undated(&"x".repeat(200));
    assert_eq!(unbroken, "x".repeat(80));
    let cyrillic = undated(&"ж".repeat(200));
    assert_eq!(
        cyrillic,
        "ж".repeat(80),
        "80 two-byte characters fit in 160 bytes"
    );
    let cjk = undated(&"東".repeat(200));
    assert_eq!(cjk, "東".repeat(53), "3 bytes each: 53 fit");
}
