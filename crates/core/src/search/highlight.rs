//! Marking the words that matched. FTS5 folded case and diacritics and stemmed English, so a word
//! counts as matching when, folded the same way, it starts with a searched word (or the
//! searched word starts with it and differs only in a short ending, as "arms" and "arm").

use unicode_normalization::UnicodeNormalization;

use crate::sanitize::escape_text;

/// Words shown before the first match in a snippet, and after it.
const BEFORE: usize = 10;
const AFTER: usize = 26;

/// `text`, escaped, with the words matching `terms` in `<mark>`.
pub fn highlight(text: &str, terms: &[String]) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    mark(&words, &folded_terms(terms))
}

/// A few lines of `text` around its first match, escaped, with matches in `<mark>`; the start of
/// the text when nothing matches there (the match was in the title or author).
pub fn snippet(text: &str, terms: &[String]) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let terms = folded_terms(terms);
    let first = words.iter().position(|w| matches(w, &terms)).unwrap_or(0);
    let start = first.saturating_sub(BEFORE);
    let end = (first + AFTER).min(words.len());
    let mut html = mark(&words[start..end], &terms);
    if start > 0 {
        html.insert_str(0, "… ");
    }
    if end < words.len() {
        html.push_str(" …");
    }
    html
}

fn mark(words: &[&str], terms: &[String]) -> String {
    words
        .iter()
        .map(|word| {
            let escaped = escape_text(word);
            if matches(word, terms) {
                format!("<mark>{escaped}</mark>")
            } else {
                escaped
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each word of each term (a phrase's words are marked one by one), folded.
fn folded_terms(terms: &[String]) -> Vec<String> {
    terms
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(fold)
        .filter(|t| !t.is_empty())
        .collect()
}

fn matches(word: &str, terms: &[String]) -> bool {
    let word = fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
    !word.is_empty()
        && terms.iter().any(|term| {
            word.starts_with(term.as_str())
                || (term.starts_with(word.as_str()) && term.len() - word.len() <= 3)
        })
}

/// Lowercase, without diacritics, as the index's unicode61 tokenizer folds words.
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}
