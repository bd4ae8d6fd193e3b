use super::*;

const NOW: Timestamp = 1_750_000_000;

fn rule(condition: RuleCondition) -> CompiledRule {
    CompiledRule::new(Rule {
        scope: RuleScope::All,
        condition,
        action: RuleAction::MarkRead,
    })
    .unwrap()
}

fn refused(condition: RuleCondition) -> String {
    let rule = Rule {
        scope: RuleScope::All,
        condition,
        action: RuleAction::MarkRead,
    };
    CompiledRule::new(rule).unwrap_err().to_string()
}

fn article<'a>(title: &'a str, text: &'a str) -> Candidate<'a> {
    Candidate::new(
        Some(1),
        Some(10),
        title,
        text,
        Some("Jane Doe"),
        "Harbour Post",
        Some("https://harbour.example/sponsored/ferry?utm_source=x"),
        false,
        NOW - 3 * 86_400,
    )
}

fn words(field: RuleField, words: &str) -> RuleCondition {
    RuleCondition::Words {
        field,
        words: words.to_string(),
    }
}

#[test]
fn words_match_whole_words_in_any_case_and_order() {
    let seals = rule(words(RuleField::Title, "SEALS harbour"));
    assert!(seals.matches(&article("Harbour seals return", ""), NOW));
    assert!(seals.matches(&article("Seals! In the harbour.", ""), NOW));
    assert!(!seals.matches(&article("Harbour seal returns", ""), NOW));
    assert!(!seals.matches(&article("Seals return", ""), NOW));
    // Another field is not looked at.
    assert!(!seals.matches(&article("Ferries", "harbour seals"), NOW));
    assert!(
        rule(words(RuleField::Text, "seals"))
            .matches(&article("Ferries", "The harbour seals."), NOW)
    );
    assert!(rule(words(RuleField::Author, "doe")).matches(&article("x", ""), NOW));
    assert!(rule(words(RuleField::Feed, "post")).matches(&article("x", ""), NOW));
    assert!(rule(words(RuleField::Link, "sponsored")).matches(&article("x", ""), NOW));
    // Letters of any script, compared in lower case.
    assert!(
        rule(words(RuleField::Title, "ÄRGER")).matches(&article("Viel Ärger im Hafen", ""), NOW)
    );
}

#[test]
fn a_phrase_matches_its_words_one_after_the_other() {
    let phrase = |p: &str| {
        rule(RuleCondition::Phrase {
            field: RuleField::Title,
            phrase: p.to_string(),
        })
    };
    assert!(phrase("sponsored post").matches(&article("A Sponsored  post: ferries", ""), NOW));
    assert!(!phrase("sponsored post").matches(&article("Post, sponsored", ""), NOW));
    assert!(!phrase("sponsored post").matches(&article("Sponsored content post", ""), NOW));
}

#[test]
fn a_pattern_matches_in_any_case_unless_it_says_otherwise() {
    let pattern = |p: &str| {
        rule(RuleCondition::Regex {
            field: RuleField::Title,
            pattern: p.to_string(),
        })
    };
    assert!(pattern(r"^podcast #\d+").matches(&article("Podcast #12: tides", ""), NOW));
    assert!(!pattern(r"^podcast #\d+").matches(&article("Our podcast #12", ""), NOW));
    assert!(!pattern(r"(?-i)^podcast").matches(&article("Podcast #12", ""), NOW));
    assert!(
        rule(RuleCondition::Regex {
            field: RuleField::Link,
            pattern: "utm_source=".to_string()
        })
        .matches(&article("x", ""), NOW)
    );
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
        CompiledRule::new(tag)
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
    assert!(!evil.matches(&article("x", &text), NOW));
}

#[test]
fn age_attachments_and_scope() {
    let older = |days| rule(RuleCondition::OlderThan { days });
    assert!(older(2).matches(&article("x", ""), NOW));
    assert!(!older(4).matches(&article("x", ""), NOW));
    let mut with_file = article("x", "");
    assert!(!rule(RuleCondition::HasAttachment).matches(&with_file, NOW));
    with_file.has_attachment = true;
    assert!(rule(RuleCondition::HasAttachment).matches(&with_file, NOW));

    let scoped = |scope| {
        CompiledRule::new(Rule {
            scope,
            condition: RuleCondition::HasAttachment,
            action: RuleAction::Mute,
        })
        .unwrap()
    };
    assert!(scoped(RuleScope::Feed { feed_id: 1 }).matches(&with_file, NOW));
    assert!(!scoped(RuleScope::Feed { feed_id: 2 }).matches(&with_file, NOW));
    assert!(scoped(RuleScope::Folder { folder_id: 10 }).matches(&with_file, NOW));
    assert!(!scoped(RuleScope::Folder { folder_id: 11 }).matches(&with_file, NOW));
    // A saved page belongs to no feed: rules are for what feeds bring.
    with_file.feed_id = None;
    assert!(!scoped(RuleScope::All).matches(&with_file, NOW));
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
