//! From what a person typed to an FTS5 query that can't be malformed or inject operators: each
//! word becomes a quoted string, "quoted phrases" stay phrases, and the last word matches as a
//! prefix so that results follow the typing.

/// The words and phrases of `text`, in order, without quotes.
pub fn terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for (i, part) in text.split('"').enumerate() {
        let inside_quotes = i % 2 == 1;
        if inside_quotes {
            let phrase = words(part).join(" ");
            if !phrase.is_empty() {
                terms.push(phrase);
            }
        } else {
            terms.extend(words(part));
        }
    }
    terms
}

/// The shortest last word that is matched as a prefix while typing.
const MIN_PREFIX_CHARS: usize = 3;

/// The FTS5 MATCH expression for `text` as it is typed, or `None` when it holds no word.
pub fn match_expression(text: &str) -> Option<String> {
    expression(text, true)
}

/// The FTS5 MATCH expression for `text` when its words are complete (a kept search): the last
/// is a word as the others are, not the start of one. Merging every word a prefix starts cost a
/// kept search's count tens of milliseconds at a million articles.
pub fn whole_words_expression(text: &str) -> Option<String> {
    expression(text, false)
}

fn expression(text: &str, typing: bool) -> Option<String> {
    let terms = terms(text);
    let last = terms.len().checked_sub(1)?;
    // Still typing the last word: it is a prefix of what is meant. Not for its first letters:
    // "th" is the prefix of a good share of all words, and FTS5 merges the list of every one of
    // them (1-2 letter prefixes took seconds at a million articles; see
    // docs/performance/costs.md, *Search*).
    let ends_in_word = typing && text.chars().last().is_some_and(char::is_alphanumeric);
    let quoted: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(i, term)| {
            let prefix = i == last
                && ends_in_word
                && !term.contains(' ')
                && term.chars().count() >= MIN_PREFIX_CHARS;
            format!(
                "\"{}\"{}",
                term.replace('"', ""),
                if prefix { "*" } else { "" }
            )
        })
        .collect();
    Some(quoted.join(" AND "))
}

/// Words as the index sees them: letters and digits; everything else separates.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}
