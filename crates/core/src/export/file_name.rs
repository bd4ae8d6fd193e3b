//! File names for exported articles: the date and title, readable in a file manager, valid on
//! Windows, macOS and Linux alike, and never anything but a plain name (no separators, no dots,
//! no reserved device names).

use super::rfc3339;
use crate::api::Article;

/// At most this many characters, and bytes (names are limited to 255 bytes, and the caller adds
/// an extension and maybe `-2`).
const MAX_CHARS: usize = 80;
const MAX_BYTES: usize = 160;

/// `2024-06-25-putin-and-kim-jong-un-explore-military-cooperation`: the publication date (or when
/// the article arrived) and the title, lowercased, Latin letters without their accents, other
/// scripts kept as they are, everything else a `-`. Never empty; not unique (the caller makes it
/// so).
pub fn file_stem(article: &Article) -> String {
    let date = rfc3339(article.published_at.unwrap_or(article.sort_at))
        .and_then(|at| at.get(..10).map(str::to_string));
    let room = |limit: usize| limit - date.as_ref().map_or(0, |d| d.len() + 1);
    let mut slug = truncate(&slug(&article.title), room(MAX_CHARS), room(MAX_BYTES));
    if slug.is_empty() {
        slug = "article".to_string();
    }
    let stem = match date {
        Some(date) => format!("{date}-{slug}"),
        None => slug,
    };
    if is_reserved_on_windows(&stem) {
        format!("{stem}-article")
    } else {
        stem
    }
}

fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut separator = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let piece = match c {
            'a'..='z' | '0'..='9' => None,
            // "Kim's" reads better as "kims" than "kim-s".
            '\'' | '’' | 'ʼ' => continue,
            // Combining accents: "é" written as "e" and U+0301.
            '\u{300}'..='\u{36f}' => continue,
            c => match latin_fold(c) {
                Some(ascii) => Some(ascii),
                None if c.is_alphanumeric() || is_script_mark(c) => None,
                None => {
                    separator = !out.is_empty();
                    continue;
                }
            },
        };
        if separator {
            out.push('-');
            separator = false;
        }
        match piece {
            Some(ascii) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

/// Cuts to the limits, at a `-` when one is near the end, so words stay whole.
fn truncate(slug: &str, max_chars: usize, max_bytes: usize) -> String {
    let end = slug
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .take(max_chars)
        .take_while(|&end| end <= max_bytes)
        .last()
        .unwrap_or(0);
    let mut cut = &slug[..end];
    if end < slug.len()
        && !slug[end..].starts_with('-')
        && let Some(dash) = cut.rfind('-').filter(|&at| at > end / 2)
    {
        cut = &cut[..dash];
    }
    cut.trim_matches('-').to_string()
}

/// The accented Latin letters of European languages, as ASCII. (Lowercase: the title is
/// lowercased first.)
fn latin_fold(c: char) -> Option<&'static str> {
    const FOLDS: [(&str, &str); 24] = [
        ("àáâãäåāăą", "a"),
        ("æ", "ae"),
        ("çćĉċč", "c"),
        ("ďđð", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("œ", "oe"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ß", "ss"),
        ("ţťŧț", "t"),
        ("þ", "th"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("ĳ", "ij"),
    ];
    FOLDS
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map(|(_, ascii)| *ascii)
}

/// Vowel signs, viramas and tone marks of Indic and Thai scripts that Unicode doesn't count as
/// letters; dropping them would break words apart.
fn is_script_mark(c: char) -> bool {
    matches!(c, '\u{900}'..='\u{dff}' | '\u{e31}'..='\u{e4e}')
        && !matches!(c, '\u{964}' | '\u{965}')
}

/// Device names Windows won't create a file under, whatever the extension.
fn is_reserved_on_windows(stem: &str) -> bool {
    let stem = stem.to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"].iter().any(|device| {
            stem.strip_prefix(device).is_some_and(|n| {
                let mut chars = n.chars();
                matches!(
                    (chars.next(), chars.next()),
                    (Some('0'..='9' | '¹' | '²' | '³'), None)
                )
            })
        })
}
