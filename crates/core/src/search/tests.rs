use super::*;

#[test]
fn typed_text_becomes_a_safe_query_that_follows_the_typing() {
    assert_eq!(
        match_expression("kim jong"),
        Some("\"kim\" AND \"jong\"*".to_string())
    );
    assert_eq!(
        match_expression("kim jong "),
        Some("\"kim\" AND \"jong\"".to_string())
    );
    assert_eq!(
        match_expression("\"arms deal\" putin"),
        Some("\"arms deal\" AND \"putin\"*".to_string())
    );
    // Operators and syntax are just words.
    assert_eq!(
        match_expression("NEAR(a b) OR title:x -y *"),
        Some(
            "\"NEAR\" AND \"a\" AND \"b\" AND \"OR\" AND \"title\" AND \"x\" AND \"y\"".to_string()
        )
    );
    assert_eq!(match_expression("  \"\" ... "), None);
    // The first letters of a word are too common a prefix to follow.
    assert_eq!(
        match_expression("kim jo"),
        Some("\"kim\" AND \"jo\"".to_string())
    );
    assert_eq!(terms("Café \"arms deal\""), ["Café", "arms deal"]);
}

#[test]
fn matches_are_marked_through_case_accents_and_endings() {
    let terms = vec!["cafe".to_string(), "arms".to_string()];
    assert_eq!(
        highlight("Le Café & the ARM <b>", &terms),
        "Le <mark>Café</mark> &amp; the <mark>ARM</mark> &lt;b&gt;"
    );
}

#[test]
fn a_snippet_is_cut_around_the_first_match() {
    let text = (0..100)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ")
        + " needle and more";
    let snippet = snippet(&text, &["needle".to_string()]);
    assert!(snippet.starts_with("… w90 "), "{snippet}");
    assert!(
        snippet.contains("<mark>needle</mark> and more"),
        "{snippet}"
    );
    assert!(!snippet.ends_with('…'));
}

#[test]
fn newer_wins_among_equals_but_relevance_still_counts() {
    let now = 1_750_000_000;
    let day = 86_400;
    assert!(score(-5.0, now, now) > score(-5.0, now - 60 * day, now));
    assert!(score(-20.0, now - 60 * day, now) > score(-5.0, now, now));
}
