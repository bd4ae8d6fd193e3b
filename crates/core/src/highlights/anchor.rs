//! Where a highlight lands in an article's text. A highlight is kept as the W3C Web Annotation
//! model keeps one: the words it covers (text quote), a few characters on either side (prefix,
//! suffix) and where it began (text position). The text may have changed since — a theme or a
//! font changes nothing, but a feed's edited version or a new extraction does — so the quote is
//! looked for, not trusted at its old place:
//!
//! 1. The quote where it was, or else wherever it appears; among several, the one whose
//!    surroundings match best, then the nearest.
//! 2. Else, between its old prefix and suffix when what lies there is mostly its words (words
//!    were inserted into it, or a few changed).
//! 3. Else, the run of words most like it, when at least three in four of its words are there
//!    in order.
//! 4. Else nowhere: the text is gone, and the highlight is listed as no longer in the article.
//!
//! Positions are in UTF-16 code units, as a web page counts them, so that the UI can find them
//! in the page's text nodes without converting.

use std::ops::Range;

/// How many characters of context are kept on either side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// A quote longer than this is cut: a highlight is a passage, not the article.
pub const MAX_QUOTE_CHARS: usize = 10_000;

/// Of a quote's words, the share that must be found, in order, for a changed passage to still
/// be the highlight.
const ENOUGH_WORDS: f64 = 0.75;

/// Where a highlight was, as it was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    /// The quote's first UTF-16 unit in the text it was made on.
    pub start: usize,
}

/// The text of an article with its UTF-16 positions.
pub struct Text<'a> {
    text: &'a str,
    /// The byte offset of each UTF-16 unit's character (and of the end), so that positions
    /// convert both ways.
    units: Vec<usize>,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Text<'a> {
        let mut units = Vec::with_capacity(text.len() + 1);
        for (at, c) in text.char_indices() {
            for _ in 0..c.len_utf16() {
                units.push(at);
            }
        }
        units.push(text.len());
        Text { text, units }
    }

    /// Its length in UTF-16 units.
    pub fn len(&self) -> usize {
        self.units.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text between two UTF-16 positions (clamped, and widened to whole characters).
    pub fn slice(&self, range: Range<usize>) -> &'a str {
        let end = range.end.min(self.len());
        let start = range.start.min(end);
        &self.text[self.units[start]..self.units[end]]
    }

    fn unit_of(&self, byte: usize) -> usize {
        self.units.partition_point(|&b| b < byte)
    }

    /// A selector for the passage at `range`, with its context.
    pub fn selector(&self, range: Range<usize>) -> Selector {
        let quote = self.slice(range.clone());
        let before = self.slice(0..range.start);
        let after = self.slice(range.end..self.len());
        Selector {
            quote: quote.chars().take(MAX_QUOTE_CHARS).collect(),
            prefix: last_chars(before, CONTEXT_CHARS).to_string(),
            suffix: after.chars().take(CONTEXT_CHARS).collect(),
            start: range.start.min(self.len()),
        }
    }

    /// Where the highlight kept as `selector` is in this text, if anywhere.
    pub fn locate(&self, selector: &Selector) -> Option<Range<usize>> {
        if selector.quote.trim().is_empty() {
            return None;
        }
        self.exact(selector)
            .or_else(|| self.between_context(selector))
            .or_else(|| self.most_like(selector))
    }

    /// Step 1 alone: the quote itself, where its surroundings match best, then nearest.
    pub fn locate_exact(&self, selector: &Selector) -> Option<Range<usize>> {
        self.exact(selector)
    }

    fn exact(&self, selector: &Selector) -> Option<Range<usize>> {
        let quote = selector.quote.as_str();
        let quote_units = quote.encode_utf16().count();
        let mut best: Option<(usize, usize, usize)> = None; // (context, -distance as key, start)
        for (byte, _) in self.text.match_indices(quote) {
            let start = self.unit_of(byte);
            let before = &self.text[..byte];
            let after = &self.text[byte + quote.len()..];
            let context =
                common_suffix(before, &selector.prefix) + common_prefix(after, &selector.suffix);
            let distance = start.abs_diff(selector.start);
            let better = match best {
                None => true,
                Some((c, d, _)) => context > c || (context == c && distance < d),
            };
            if better {
                best = Some((context, distance, start));
            }
        }
        best.map(|(_, _, start)| start..start + quote_units)
    }

    /// Step 2: between the old prefix and suffix, when that is mostly the quote's words.
    fn between_context(&self, selector: &Selector) -> Option<Range<usize>> {
        if selector.prefix.is_empty() || selector.suffix.is_empty() {
            return None;
        }
        let quote_len = selector.quote.len();
        let mut best: Option<(usize, Range<usize>)> = None;
        for (byte, _) in self.text.match_indices(selector.prefix.as_str()) {
            let from = byte + selector.prefix.len();
            // What lies between may have grown, but not beyond twice the quote and a sentence.
            let window_end = (from + 2 * quote_len + 200).min(self.text.len());
            let window = &self.text[from..floor_char_boundary(self.text, window_end)];
            let Some(gap) = window.find(selector.suffix.as_str()) else {
                continue;
            };
            let between = &window[..gap];
            if !mostly_the_words_of(between, &selector.quote) {
                continue;
            }
            let range = self.unit_of(from)..self.unit_of(from + gap);
            let distance = range.start.abs_diff(selector.start);
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, range));
            }
        }
        best.map(|(_, range)| trimmed(self, range))
    }

    /// Step 3: the run of words most like the quote's.
    fn most_like(&self, selector: &Selector) -> Option<Range<usize>> {
        let wanted: Vec<String> = words(&selector.quote).map(|(_, w)| fold(w)).collect();
        if wanted.len() < 3 {
            return None;
        }
        let found: Vec<(usize, &str)> = words(self.text).collect();
        let folded: Vec<String> = found.iter().map(|(_, w)| fold(w)).collect();
        let longest = wanted.len() + wanted.len() / 2 + 1;
        let needed = (wanted.len() as f64 * ENOUGH_WORDS).ceil() as usize;
        // The most of its words, in the fewest words, nearest where it was.
        let mut best: Option<((usize, usize, usize), usize, usize)> = None;
        for first in 0..folded.len() {
            // A run starts with one of the quote's words.
            if !wanted
                .iter()
                .take(wanted.len() - needed + 1)
                .any(|w| *w == folded[first])
            {
                continue;
            }
            let last = (first + longest).min(folded.len());
            let run = &folded[first..last];
            let (shared, used) = in_order(&wanted, run);
            if shared < needed {
                continue;
            }
            let start = self.unit_of(found[first].0);
            let rank = (usize::MAX - shared, used, start.abs_diff(selector.start));
            if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
                best = Some((rank, first, first + used - 1));
            }
        }
        best.map(|(_, first, last)| {
            let (at, word) = found[last];
            self.unit_of(found[first].0)..self.unit_of(at + word.len())
        })
    }
}

/// The quote's words found in `run`, in order (a longest common subsequence), and how many of
/// `run`'s words it takes to reach the last of them.
fn in_order(wanted: &[String], run: &[String]) -> (usize, usize) {
    let (n, m) = (wanted.len(), run.len());
    let mut table = vec![vec![0usize; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            table[i][j] = if wanted[i - 1] == run[j - 1] {
                table[i - 1][j - 1] + 1
            } else {
                table[i - 1][j].max(table[i][j - 1])
            };
        }
    }
    let shared = table[n][m];
    // The shortest prefix of the run that holds all of them.
    let used = (1..=m).find(|&j| table[n][j] == shared).unwrap_or(m);
    (shared, used)
}

fn mostly_the_words_of(between: &str, quote: &str) -> bool {
    let wanted: Vec<String> = words(quote).map(|(_, w)| fold(w)).collect();
    let found: Vec<String> = words(between).map(|(_, w)| fold(w)).collect();
    if wanted.is_empty() || found.is_empty() {
        return false;
    }
    let (shared, _) = in_order(&wanted, &found);
    shared as f64 >= wanted.len() as f64 * ENOUGH_WORDS
}

/// The range without the whitespace at its ends.
fn trimmed(text: &Text, range: Range<usize>) -> Range<usize> {
    let slice = text.slice(range.clone());
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    let start_byte = text.units[range.start] + leading;
    let end_byte = text.units[range.end] - trailing;
    text.unit_of(start_byte)..text.unit_of(end_byte.max(start_byte))
}

/// Each word (letters and digits) with its byte offset.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

fn fold(word: &str) -> String {
    word.to_lowercase()
}

fn last_chars(text: &str, count: usize) -> &str {
    match text.char_indices().rev().nth(count.saturating_sub(1)) {
        Some((at, _)) if count > 0 => &text[at..],
        _ if count == 0 => "",
        _ => text,
    }
}

/// How many characters at the end of `text` end `context` too.
fn common_suffix(text: &str, context: &str) -> usize {
    text.chars()
        .rev()
        .zip(context.chars().rev())
        .take_while(|(a, b)| a == b)
        .count()
}

/// How many characters at the start of `text` start `context` too.
fn common_prefix(text: &str, context: &str) -> usize {
    text.chars()
        .zip(context.chars())
        .take_while(|(a, b)| a == b)
        .count()
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "The harbour reopened on Monday after three weeks of repairs. \
        Ferries to the islands will run every hour from six in the morning, the port authority \
        said. Fishermen, who had moored in the next bay, began returning on Sunday night.";

    fn made_on(text: &str, quote: &str) -> Selector {
        let at = text.find(quote).unwrap();
        let t = Text::new(text);
        let start = t.unit_of(at);
        t.selector(start..start + quote.encode_utf16().count())
    }

    fn found(text: &str, selector: &Selector) -> Option<String> {
        let t = Text::new(text);
        t.locate(selector).map(|r| t.slice(r).to_string())
    }

    const QUOTE: &str = "Ferries to the islands will run every hour";

    #[test]
    fn the_same_text_gives_the_same_words() {
        let selector = made_on(ARTICLE, QUOTE);
        let at = ARTICLE.find(QUOTE).unwrap();
        assert!(ARTICLE[..at].ends_with(&selector.prefix));
        assert_eq!(selector.prefix.chars().count(), CONTEXT_CHARS);
        assert!(ARTICLE[at + QUOTE.len()..].starts_with(&selector.suffix));
        assert_eq!(found(ARTICLE, &selector).as_deref(), Some(QUOTE));
    }

    #[test]
    fn words_inserted_before_the_quote_move_it() {
        let selector = made_on(ARTICLE, QUOTE);
        let edited = ARTICLE.replace("repairs.", "repairs, longer than planned, to the quay.");
        assert_eq!(found(&edited, &selector).as_deref(), Some(QUOTE));
    }

    #[test]
    fn words_inserted_after_the_quote_change_nothing() {
        let selector = made_on(ARTICLE, QUOTE);
        let edited = ARTICLE.replace("Sunday night", "Sunday night and Monday morning");
        assert_eq!(found(&edited, &selector).as_deref(), Some(QUOTE));
    }

    #[test]
    fn words_inserted_inside_the_quote_are_taken_in() {
        let selector = made_on(ARTICLE, QUOTE);
        let edited = ARTICLE.replace(
            "will run every hour",
            "will, weather allowing, run every hour",
        );
        assert_eq!(
            found(&edited, &selector).as_deref(),
            Some("Ferries to the islands will, weather allowing, run every hour")
        );
    }

    #[test]
    fn words_inserted_inside_with_the_context_changed_too() {
        let selector = made_on(ARTICLE, QUOTE);
        let edited = ARTICLE
            .replace("repairs.", "repairs to the quay.")
            .replace("every hour from six", "every single hour, starting at six")
            .replace("will run", "will now run");
        assert_eq!(
            found(&edited, &selector).as_deref(),
            Some("Ferries to the islands will now run every single hour")
        );
    }

    #[test]
    fn a_deleted_quote_is_nowhere() {
        let selector = made_on(ARTICLE, QUOTE);
        let edited = ARTICLE.replace(
            "Ferries to the islands will run every hour from six in the morning, the port \
             authority said. ",
            "",
        );
        assert_eq!(found(&edited, &selector), None);
    }

    #[test]
    fn of_two_same_quotes_the_one_in_its_context_wins() {
        let text = "He said yes. Then the other one said no. And she said yes. Done.";
        let second = text.rfind("said yes").unwrap();
        let t = Text::new(text);
        let selector = t.selector(second..second + 8);
        let range = t.locate(&selector).unwrap();
        assert_eq!(range.start, second);
        // Moved along by an edit before both, it still finds the second.
        let edited = format!("Prologue. {text}");
        let t = Text::new(&edited);
        assert_eq!(t.locate(&selector).unwrap().start, second + 10);
    }

    #[test]
    fn positions_are_utf16_units() {
        let text = "Emoji 😀 then café ☕ and more words here";
        let t = Text::new(text);
        let at = text.find("café").unwrap();
        let start = t.unit_of(at);
        assert_eq!(start, "Emoji 😀 then ".encode_utf16().count());
        let selector = t.selector(start..start + 4);
        assert_eq!(selector.quote, "café");
        assert_eq!(t.slice(t.locate(&selector).unwrap()), "café");
    }

    #[test]
    fn an_empty_quote_is_nowhere() {
        let t = Text::new(ARTICLE);
        assert_eq!(t.locate(&t.selector(5..5)), None);
    }
}
