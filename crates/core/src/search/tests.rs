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
fn a_kept_search_matches_its_last_word_whole() {
    assert_eq!(
        whole_words_expression("kim jong"),
        Some("\"kim\" AND \"jong\"".to_string())
    );
    assert_eq!(whole_words_expression(" ... "), None);
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

fn ranked(scores: &[(i64, f64)]) -> Vec<Ranked> {
    rank(
        scores
            .iter()
            .map(|&(id, score)| Ranked { id, score })
            .collect(),
    )
}

#[test]
fn the_best_come_first_and_the_newer_among_equals() {
    let order: Vec<i64> = ranked(&[(1, 2.0), (2, 5.0), (3, 2.0), (4, 9.0)])
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(order, [4, 2, 3, 1]);
}

#[test]
fn each_page_starts_after_the_last_hit_of_the_one_before() {
    let all = ranked(
        &(1..=120)
            .map(|id| (id, (id % 7) as f64))
            .collect::<Vec<_>>(),
    );
    let (first, more) = page_after(&all, None);
    assert_eq!((first.len(), more), (RESULTS, true));
    let (second, more) = page_after(&all, first.last().copied());
    assert_eq!((second.len(), more), (RESULTS, true));
    let (third, more) = page_after(&all, second.last().copied());
    assert_eq!((third.len(), more), (20, false));
    let pages: Vec<Ranked> = [first, second, third].concat();
    assert_eq!(pages, all, "every match once, in order");

    // The last hit no longer matches (read, removed): the page starts where its score would be.
    let gone = first[RESULTS - 1];
    let without: Vec<Ranked> = all.iter().copied().filter(|r| r.id != gone.id).collect();
    assert_eq!(page_after(&without, Some(gone)).0, second);
}
