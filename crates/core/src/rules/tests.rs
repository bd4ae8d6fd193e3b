use super::*;

const NOW: Timestamp = 1_750_000_000;

fn rule(condition: RuleCondition) -> RuleSet {
    RuleSet::new(vec![Rule {
        scope: RuleScope::All,
        condition,
        action: RuleAction::MarkRead,
    }])
    .unwrap()
}

/// Whether the set's one rule acts on the article.
fn hit(set: &RuleSet, article: &Candidate) -> bool {
    !set.matching(article, NOW).is_empty()
}

fn refused(condition: RuleCondition) -> String {
    let rule = Rule {
        scope: RuleScope::All,
        condition,
        action: RuleAction::MarkRead,
    };
    RuleSet::check(&rule).unwrap_err().to_string()
}

fn article<'a>(title: &'a str, text: &'a str) -> Candidate<'a> {
    Candidate {
        feed_id: Some(1),
        folder_id: Some(10),
        title,
        text,
        author: Some("Jane Doe"),
        feed_title: "Harbour Post",
        url: Some("https://harbour.example/sponsored/ferry?utm_source=x"),
        has_attachment: false,
        sort_at: NOW - 3 * 86_400,
    }
}

fn words(field: RuleField, words: &str) -> RuleCondition {
    RuleCondition::Words {
        field,
        words: words.to_string(),
    }
}

#[test]
fn text_is_searched_as_its_words_in_lower_case() {
    assert_eq!(
        searchable("Harbour SEALS, return!"),
        " harbour seals return "
    );
    assert_eq!(
        searchable("  Viel Ärger — im Hafen "),
        " viel ärger im hafen "
    );
    assert_eq!(searchable("İstanbul's ΣΟΦΊΑ"), " i\u{307}stanbul s σοφία ");
    assert_eq!(searchable("日本語のテキスト"), " 日本語のテキスト ");
    assert_eq!(searchable("!?"), " ");
    assert_eq!(searchable(""), " ");
}

#[test]
fn words_match_whole_words_in_any_case_and_order() {
    let seals = rule(words(RuleField::Title, "SEALS harbour"));
    assert!(hit(&seals, &article("Harbour seals return", "")));
    assert!(hit(&seals, &article("Seals! In the harbour.", "")));
    assert!(!hit(&seals, &article("Harbour seal returns", "")));
    assert!(!hit(&seals, &article("Seals return", "")));
    // Another field is not looked at.
    assert!(!hit(&seals, &article("Ferries", "harbour seals")));
    assert!(hit(
        &rule(words(RuleField::Text, "seals")),
        &article("Ferries", "The harbour seals.")
    ));
    assert!(hit(
        &rule(words(RuleField::Author, "doe")),
        &article("x", "")
    ));
    assert!(hit(
        &rule(words(RuleField::Feed, "post")),
        &article("x", "")
    ));
    assert!(hit(
        &rule(words(RuleField::Link, "sponsored")),
        &article("x", "")
    ));
    // Letters of any script, compared in lower case.
    assert!(hit(
        &rule(words(RuleField::Title, "ÄRGER")),
        &article("Viel Ärger im Hafen", "")
    ));
}

#[test]
fn a_phrase_matches_its_words_one_after_the_other() {
    let phrase = |p: &str| {
        rule(RuleCondition::Phrase {
            field: RuleField::Title,
            phrase: p.to_string(),
        })
    };
    assert!(hit(
        &phrase("sponsored post"),
        &article("A Sponsored  post: ferries", "")
    ));
    assert!(!hit(
        &phrase("sponsored post"),
        &article("Post, sponsored", "")
    ));
    assert!(!hit(
        &phrase("sponsored post"),
        &article("Sponsored content post", "")
    ));
}

#[test]
fn a_pattern_matches_in_any_case_unless_it_says_otherwise() {
    let pattern = |p: &str| {
        rule(RuleCondition::Regex {
            field: RuleField::Title,
            pattern: p.to_string(),
        })
    };
    assert!(hit(
        &pattern(r"^podcast #\d+"),
        &article("Podcast #12: tides", "")
    ));
    assert!(!hit(
        &pattern(r"^podcast #\d+"),
        &article("Our podcast #12", "")
    ));
    assert!(!hit(
        &pattern(r"(?-i)^podcast"),
        &article("Podcast #12", "")
    ));
    let link = rule(RuleCondition::Regex {
        field: RuleField::Link,
        pattern: "utm_source=".to_string(),
    });
    assert!(hit(&link, &article("x", "")));
}

#[test]
fn hostile_or_empty_conditions_are_refused_with_the_reason() {
    let regex = |p: &str| RuleCondition::Regex {
        field: RuleField::Text,
        pattern: p.to_string(),
    };
    assert!(refused(regex("(unclosed")).contains("not a regular expression"));
    // Would compile to far more than the cap.
    assert!(refused(regex(r"\w{1000}\w{1000}")).contains("not a regular expression"));
    assert!(refused(regex(&"a".repeat(501))).contains("at most 500 characters"));
    assert!(refused(regex("")).contains("cannot be empty"));
    assert!(refused(words(RuleField::Title, " !? ")).contains("at least one word"));
    assert!(refused(RuleCondition::OlderThan { days: 0 }).contains("1 or more"));
    let tag = Rule {
        scope: RuleScope::All,
        condition: RuleCondition::HasAttachment,
        action: RuleAction::Tag {
            tag: "  ".to_string(),
        },
    };
    assert!(
        RuleSet::check(&tag)
            .unwrap_err()
            .to_string()
            .contains("a tag needs a name")
    );
}

#[test]
fn a_pattern_costs_time_in_proportion_to_the_text_whatever_it_is() {
    // The classic catastrophic backtracking pattern, against a text that would make a
    // backtracking engine take ages: here it answers at once (linear time).
    let evil = rule(RuleCondition::Regex {
        field: RuleField::Text,
        pattern: "(a+)+$".to_string(),
    });
    let text = format!("{}!", "a".repeat(100_000));
    assert!(!hit(&evil, &article("x", &text)));
}

#[test]
fn age_attachments_and_scope() {
    let older = |days| rule(RuleCondition::OlderThan { days });
    assert!(hit(&older(2), &article("x", "")));
    assert!(!hit(&older(4), &article("x", "")));
    let mut with_file = article("x", "");
    assert!(!hit(&rule(RuleCondition::HasAttachment), &with_file));
    with_file.has_attachment = true;
    assert!(hit(&rule(RuleCondition::HasAttachment), &with_file));

    let scoped = |scope| {
        RuleSet::new(vec![Rule {
            scope,
            condition: RuleCondition::HasAttachment,
            action: RuleAction::Mute,
        }])
        .unwrap()
    };
    assert!(hit(&scoped(RuleScope::Feed { feed_id: 1 }), &with_file));
    assert!(!hit(&scoped(RuleScope::Feed { feed_id: 2 }), &with_file));
    assert!(hit(
        &scoped(RuleScope::Folder { folder_id: 10 }),
        &with_file
    ));
    assert!(!hit(
        &scoped(RuleScope::Folder { folder_id: 11 }),
        &with_file
    ));
    // A saved page belongs to no feed: rules are for what feeds bring.
    with_file.feed_id = None;
    assert!(!hit(&scoped(RuleScope::All), &with_file));
}

#[test]
fn many_rules_are_decided_in_one_pass_each_on_its_own_terms() {
    let rules = vec![
        Rule {
            scope: RuleScope::All,
            condition: words(RuleField::Title, "harbour seals"),
            action: RuleAction::Mute,
        },
        Rule {
            scope: RuleScope::Feed { feed_id: 2 },
            condition: words(RuleField::Title, "seals"),
            action: RuleAction::MarkRead,
        },
        Rule {
            scope: RuleScope::All,
            condition: RuleCondition::Phrase {
                field: RuleField::Title,
                phrase: "seals return".to_string(),
            },
            action: RuleAction::Bookmark,
        },
        Rule {
            scope: RuleScope::All,
            condition: words(RuleField::Text, "tide"),
            action: RuleAction::Tag {
                tag: "tides".to_string(),
            },
        },
    ];
    let set = RuleSet::new(rules).unwrap();
    assert!(set.reads_text());
    assert_eq!(
        set.matching(&article("Harbour seals return", ""), NOW),
        [0, 2]
    );
    assert_eq!(
        set.matching(&article("Seals return to the harbour", "High tide."), NOW),
        [0, 2, 3]
    );
    assert_eq!(
        set.matching(&article("Seals", "tides"), NOW),
        Vec::<usize>::new()
    );
    assert_eq!(
        set.rule(3).action,
        RuleAction::Tag {
            tag: "tides".to_string()
        }
    );
    // One unusable rule refuses the set, or is left out of the rules in use.
    let broken = vec![
        Rule {
            scope: RuleScope::All,
            condition: words(RuleField::Title, "!!"),
            action: RuleAction::Mute,
        },
        Rule {
            scope: RuleScope::All,
            condition: words(RuleField::Title, "seals"),
            action: RuleAction::Mute,
        },
    ];
    assert!(RuleSet::new(broken.clone()).is_err());
    assert_eq!(RuleSet::usable(broken).rules().count(), 1);
}

#[test]
fn words_inside_longer_words_and_between_other_words_do_not_count() {
    let set = RuleSet::new(vec![
        Rule {
            scope: RuleScope::All,
            condition: words(RuleField::Text, "data"),
            action: RuleAction::MarkRead,
        },
        Rule {
            scope: RuleScope::All,
            condition: words(RuleField::Text, "database"),
            action: RuleAction::Mute,
        },
        Rule {
            scope: RuleScope::All,
            condition: RuleCondition::Phrase {
                field: RuleField::Text,
                phrase: "data base".to_string(),
            },
            action: RuleAction::Bookmark,
        },
    ])
    .unwrap();
    let text = |t| set.matching(&article("x", t), NOW);
    assert_eq!(text("METADATA and databases"), Vec::<usize>::new());
    assert_eq!(text("The DATABASE."), [1]);
    assert_eq!(text("data—base"), [0, 2]);
    assert_eq!(text("data, big base"), [0]);
    // A word that is not ASCII makes the field's text be read in lower case first: the same
    // answers.
    let mixed = RuleSet::new(vec![
        Rule {
            scope: RuleScope::All,
            condition: words(RuleField::Text, "data"),
            action: RuleAction::MarkRead,
        },
        Rule {
            scope: RuleScope::All,
            condition: words(RuleField::Text, "Ärger"),
            action: RuleAction::Mute,
        },
    ])
    .unwrap();
    let text = |t| mixed.matching(&article("x", t), NOW);
    assert_eq!(text("ÄRGER über DATA"), [0, 1]);
    assert_eq!(text("Metadata-Ärgernis"), Vec::<usize>::new());
}

#[test]
fn the_index_query_quotes_every_word() {
    assert_eq!(
        rule(words(RuleField::Title, "Seals \"OR\" harbour"))
            .index_query()
            .as_deref(),
        Some("title : \"seals\" AND title : \"or\" AND title : \"harbour\"")
    );
    let phrase = rule(RuleCondition::Phrase {
        field: RuleField::Text,
        phrase: "sponsored post".to_string(),
    });
    assert_eq!(
        phrase.index_query().as_deref(),
        Some("content : \"sponsored\" + \"post\"")
    );
    assert_eq!(rule(words(RuleField::Link, "x")).index_query(), None);
    assert_eq!(rule(RuleCondition::HasAttachment).index_query(), None);
}
