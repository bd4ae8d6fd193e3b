use super::*;

#[test]
fn time_tuples_are_utc_seconds() {
    let tuple = |v: [i64; 6]| time_tuple(&v.map(Value::Int));
    assert_eq!(tuple([1970, 1, 1, 0, 0, 0]), Some(0));
    assert_eq!(tuple([2003, 12, 31, 10, 14, 55]), Some(1_072_865_695));
    assert_eq!(tuple([2004, 1, 1, 19, 48, 21]), Some(1_072_986_501));
}

#[test]
fn feedparser_authors_are_compared_by_name() {
    assert_eq!(
        author_name("Example author (me@example.com)"),
        "Example author"
    );
    assert_eq!(author_name("Example (the) author"), "Example (the) author");
}
