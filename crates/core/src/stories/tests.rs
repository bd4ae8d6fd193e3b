use super::*;

const STORY: &str = "Grey seals have returned to the sandbank off the harbour for the first time \
    in a decade, rangers said on Tuesday, after a winter in which the colony was feared lost to \
    the storms that reshaped the coast. Forty pups were counted in a single morning.";

#[test]
fn an_address_is_the_same_without_its_tracking_and_its_trimmings() {
    let canonical =
        canonical_address("https://www.Example.com/news/seals/?utm_source=rss&id=7&fbclid=x#top");
    assert_eq!(canonical.as_deref(), Some("example.com/news/seals?id=7"));
    assert_eq!(
        canonical_address("http://example.com/news/seals?id=7"),
        canonical
    );
    // A home page names no story; nor does an address that is not the web's.
    assert_eq!(
        canonical_address("https://example.com/?utm_source=rss"),
        None
    );
    assert_eq!(canonical_address("mailto:news@example.com"), None);
}

#[test]
fn a_guid_counts_when_it_is_an_address_or_a_uri_meant_to_be_unique() {
    let by_link = StoryPrint::of(Some("https://example.com/a/seals"), Some("42"), "");
    let by_guid = StoryPrint::of(
        Some("https://feeds.example.net/~r/x/123"),
        Some("http://www.example.com/a/seals/"),
        "",
    );
    assert!(same_story(&by_link, &by_guid));
    let tagged = |link: &str| StoryPrint::of(Some(link), Some("tag:example.com,2026:seals-42"), "");
    assert!(same_story(
        &tagged("https://a.example/1"),
        &tagged("https://b.example/2")
    ));
    // A feed's own numbering is not a story's name.
    let numbered = |link: &str| StoryPrint::of(Some(link), Some("post-42"), "");
    assert!(!same_story(
        &numbered("https://a.example/1"),
        &numbered("https://b.example/2")
    ));
}

#[test]
fn a_copy_retitled_trimmed_or_given_a_dateline_keeps_its_opening() {
    let original = StoryPrint::of(None, None, STORY);
    let trimmed: String = STORY.split(". ").next().unwrap().to_string();
    assert!(same_story(&original, &StoryPrint::of(None, None, &trimmed)));
    let dated = format!("LONDON (Agency) — {STORY}");
    assert!(same_story(&original, &StoryPrint::of(None, None, &dated)));
    // A dateline is looked for in the first characters, wherever they end in a word.
    let accented = format!("{}{STORY}", "Ésté ".repeat(12));
    assert!(StoryPrint::of(None, None, &accented).opening.is_some());
}

#[test]
fn different_stories_do_not_share_an_opening() {
    let other = "Ferries to the islands will run a winter timetable from Monday, the operator \
        said, with two crossings a day instead of five until the spring, and the late boat on \
        Fridays kept for the weekend.";
    assert!(!same_story(
        &StoryPrint::of(None, None, STORY),
        &StoryPrint::of(None, None, other)
    ));
    // Too short to tell stories apart: no opening at all.
    assert_eq!(
        StoryPrint::of(None, None, "Today's briefing: seals, ferries.").opening,
        None
    );
}
