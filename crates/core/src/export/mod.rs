//! Export: an article, or every bookmarked or saved one, as Markdown or as one self-contained
//! HTML file. The exports are the person's own copies, so they must open anywhere, offline, in
//! any program: nothing here reaches the network or the disk; `Library::export` does the I/O.

mod article_link;
mod file_name;
mod html;
mod markdown;
mod notes;

use crate::Timestamp;
use crate::api::Enclosure;

pub use crate::api::{ExportFormat, ExportReport, ExportSelection};
pub use article_link::{article_link, linked_article};
pub use file_name::file_stem;
pub use html::to_html;
pub use markdown::to_markdown;
pub use notes::{highlights_to_markdown, notes_html, notes_markdown};

/// Elements nested deeper than this are written as their text alone. Real articles nest 20 to 60
/// deep, but a feed's HTML has no cap on nesting, and each level is a frame of recursion here.
const MAX_DEPTH: usize = 256;

fn too_deep(element: scraper::ElementRef) -> bool {
    element.ancestors().nth(MAX_DEPTH).is_some()
}

/// `2024-06-25T08:00:00Z`, or `None` outside years 0–9999, which no format here can write.
fn rfc3339(at: Timestamp) -> Option<String> {
    const FIRST: Timestamp = -62_167_219_200; // 0000-01-01T00:00:00Z
    const LAST: Timestamp = 253_402_300_799; // 9999-12-31T23:59:59Z
    if !(FIRST..=LAST).contains(&at) {
        return None;
    }
    let (days, secs) = (at.div_euclid(86_400), at.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    ))
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A short name for an attachment link: the last part of its path, else its address.
fn enclosure_name(enclosure: &Enclosure) -> String {
    let path = enclosure.url.split(['?', '#']).next().unwrap_or_default();
    path.rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(&enclosure.url)
        .to_string()
}

#[cfg(test)]
mod tests;
