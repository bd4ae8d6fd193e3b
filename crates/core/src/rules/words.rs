//! What a word is, for rules: a run of letters and digits (and private-use characters, which
//! the search index keeps in words too), compared in lower case.

/// The text's words in lower case, each between single spaces: " harbour seals return ".
pub fn searchable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let mut in_word = false;
    // ASCII a byte at a time (most text, and every separator a feed's text uses most); the
    // rest a character at a time.
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        let (ascii, tail) = rest.split_at(at);
        push_ascii(ascii, &mut out, &mut in_word);
        let c = tail
            .chars()
            .next()
            .expect("a non-ASCII byte starts a character");
        push_char(c, &mut out, &mut in_word);
        rest = &tail[c.len_utf8()..];
    }
    push_ascii(rest, &mut out, &mut in_word);
    if in_word {
        out.push(' ');
    }
    out
}

fn push_ascii(ascii: &str, out: &mut String, in_word: &mut bool) {
    for &b in ascii.as_bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
            *in_word = true;
        } else if *in_word {
            out.push(' ');
            *in_word = false;
        }
    }
}

fn push_char(c: char, out: &mut String, in_word: &mut bool) {
    if is_word_char(c) {
        out.extend(c.to_lowercase());
        *in_word = true;
    } else if *in_word {
        out.push(' ');
        *in_word = false;
    }
}

/// Letters and digits, and private-use characters, which the search index keeps in words too.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}
