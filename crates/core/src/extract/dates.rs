//! Publication dates as pages write them: machine dates in metadata (ISO 8601 / RFC 3339, and
//! RFC 2822 from feeds and some CMSs) and the date lines people read ("Tuesday, June 25, 2024",
//! "25 June 2024", "Jun. 25, 2024 at 8:00"), in the languages people read here too
//! ("Dienstag, 25. Juni 2024", "25 juin 2024", "25 de junio de 2024", "25 czerwca 2024",
//! "25.06.2024"). A date without a time means midnight UTC of that
//! day, so the calendar date a reader sees is the one stored.

use super::date_words::{DATE_JOINERS, DATE_LABELS, OTHER_MONTHS};

/// Years outside this range are typos or counters that happen to look like dates.
const YEARS: std::ops::RangeInclusive<i64> = 1990..=2100;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A machine-readable date (metadata, `<time datetime>`), as unix seconds.
pub(super) fn parse_machine(value: &str) -> Option<i64> {
    let value = value.trim();
    parse_iso(value)
        .or_else(|| parse_rfc2822(value))
        .or_else(|| parse_human(value))
}

/// The first date a person would read in a short line of text, as unix seconds (midnight UTC).
/// Times of day in the line are ignored: a visible date line rarely names its zone.
pub(super) fn parse_human(line: &str) -> Option<i64> {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '·')
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == '(' || c == ')')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !DATE_JOINERS.contains(&w.as_str()))
        .collect();
    for (i, word) in words.iter().enumerate() {
        if let Some(date) = numeric_date(word) {
            return Some(date);
        }
        let Some(month) = month_number(word) else {
            continue;
        };
        // "June 25 2024" / "June 25th, 2024"
        if let (Some(day), Some(year)) = (
            words.get(i + 1).and_then(|w| day_of(w)),
            words.get(i + 2).and_then(|w| year_of(w)),
        ) {
            return days_from_civil(year, month, day).map(|d| d * 86_400);
        }
        // "25 June 2024"
        if let (Some(day), Some(year)) = (
            i.checked_sub(1)
                .and_then(|j| words.get(j))
                .and_then(|w| day_of(w)),
            words.get(i + 1).and_then(|w| year_of(w)),
        ) {
            return days_from_civil(year, month, day).map(|d| d * 86_400);
        }
    }
    None
}

/// `25.06.2024`, day first, as Europe writes it (`06/25/2024` is left alone: which comes first
/// depends on the country).
fn numeric_date(word: &str) -> Option<i64> {
    let mut parts = word.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || day.len() > 2 || month.len() > 2 {
        return None;
    }
    let day = day.parse().ok()?;
    let month = month.parse().ok()?;
    days_from_civil(year_of(year)?, month, day).map(|d| d * 86_400)
}

/// Whether a short line is nothing but a date ("Updated: Tuesday, June 25, 2024 at 8:00 am"),
/// as opposed to a sentence or a name that mentions one.
pub(super) fn is_date_line(text: &str) -> bool {
    parse_human(text).is_some() && is_only_date_words(text)
}

/// A date line is made of the date, a weekday, a time and a label; anything else means the
/// line says something more.
fn is_only_date_words(text: &str) -> bool {
    let text = text.to_lowercase();
    text.split_whitespace().all(|word| {
        let word = word.trim_matches(|c: char| matches!(c, ',' | ':' | '.' | '(' | ')'));
        word.is_empty()
            || DATE_LABELS.contains(&word)
            || word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '/')
            || parse_human(&format!("{word} 1 2000")).is_some()
            || word
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u32>()
                .is_ok()
    })
}

fn month_number(word: &str) -> Option<u32> {
    if let Some((_, month)) = OTHER_MONTHS.iter().find(|(name, _)| *name == word) {
        return Some(*month);
    }
    if word.len() < 3 || !word.is_ascii() {
        return None;
    }
    let prefix = &word[..3];
    let index = MONTHS.iter().position(|m| *m == prefix)?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][index];
    // "Jun", "June" and "Sept" are months; "mark" or "junk" are not.
    let ok = word.len() == 3 || full.starts_with(word) || word == "sept";
    ok.then_some(index as u32 + 1)
}

fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(word: &str) -> Option<i64> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| YEARS.contains(y))
}

/// ISO 8601 as web pages write it: a date, optionally `T` or a space and a time, optionally
/// fractional seconds and a zone (`Z`, `+02:00`, `+0200`); no zone means UTC.
/// `2026-12-01` (exactly a day, as a person types one on a command line) as the first second
/// of that day, UTC; `None` for anything else, or a day the month does not have.
pub fn day_start(text: &str) -> Option<i64> {
    let text = text.trim();
    (text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .then(|| parse_iso(text))
        .flatten()
}

fn parse_iso(value: &str) -> Option<i64> {
    let b = value.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i64 = value.get(0..4)?.parse().ok()?;
    let month: u32 = value.get(5..7)?.parse().ok()?;
    let day: u32 = value.get(8..10)?.parse().ok()?;
    if !YEARS.contains(&year) {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    let rest = &value[10..];
    let Some(time) = rest.strip_prefix(['T', 't', ' ']) else {
        return rest.is_empty().then_some(days * 86_400);
    };
    let (seconds, zone) = parse_clock(time)?;
    let offset = match zone.trim() {
        "" | "Z" | "z" => 0,
        zone => parse_offset(zone)?,
    };
    Some(days * 86_400 + seconds - offset)
}

/// `HH:MM[:SS[.fff]]` and whatever follows it.
fn parse_clock(time: &str) -> Option<(i64, &str)> {
    let hour: i64 = time.get(0..2)?.parse().ok()?;
    let minute: i64 = time.get(3..5)?.parse().ok()?;
    if time.as_bytes().get(2) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    let mut rest = &time[5..];
    let mut second = 0;
    if let Some(after) = rest.strip_prefix(':') {
        second = after.get(0..2)?.parse().ok().filter(|s| *s <= 60)?;
        rest = &after[2..];
        if let Some(fraction) = rest.strip_prefix(['.', ',']) {
            rest = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    Some((hour * 3600 + minute * 60 + second, rest))
}

/// `+02:00`, `+0200`, `-05`, or a few zone names, as seconds east of UTC.
fn parse_offset(zone: &str) -> Option<i64> {
    match zone.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => return Some(0),
        "EST" => return Some(-5 * 3600),
        "EDT" => return Some(-4 * 3600),
        "CST" => return Some(-6 * 3600),
        "CDT" => return Some(-5 * 3600),
        "MST" => return Some(-7 * 3600),
        "MDT" => return Some(-6 * 3600),
        "PST" => return Some(-8 * 3600),
        "PDT" => return Some(-7 * 3600),
        _ => {}
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i64>().ok()?, 0),
        4 => (
            digits[..2].parse::<i64>().ok()?,
            digits[2..].parse::<i64>().ok()?,
        ),
        _ => return None,
    };
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

/// `Tue, 25 Jun 2024 08:00:00 GMT` (the weekday optional, the zone a name or an offset).
fn parse_rfc2822(value: &str) -> Option<i64> {
    let value = value.split_once(',').map_or(value, |(_, rest)| rest);
    let mut parts = value.split_whitespace();
    let day = day_of(parts.next()?)?;
    let month = month_number(&parts.next()?.to_ascii_lowercase())?;
    let year = year_of(parts.next()?)?;
    let (seconds, _) = parse_clock(parts.next()?)?;
    let offset = parts.next().map_or(Some(0), parse_offset)?;
    Some(days_from_civil(year, month, day)? * 86_400 + seconds - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm), or None
/// for a day the month does not have.
fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_len = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > month_len {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
#[path = "tests/dates.rs"]
mod tests;
