//! RSS `<skipHours>`: the hours in which a publisher asks readers not to poll. feed-rs reads
//! `<ttl>` but not this, so it is found here, with a byte search that costs nothing for the
//! feeds (nearly all) that do not have one.

use crate::scan::find;
/// The UTC hours listed in the channel's `<skipHours>`, sorted and without duplicates.
pub(super) fn skip_hours(document: &[u8]) -> Vec<u8> {
    let Some(start) = crate::scan::find(document, b"<skipHours") else {
        return Vec::new();
    };
    let rest = &document[start..];
    let block = &rest[..find(rest, b"</skipHours").unwrap_or(rest.len())];
    let mut hours: Vec<u8> = Vec::new();
    let mut remaining = block;
    while let Some(at) = find(remaining, b"<hour") {
        remaining = &remaining[at + 5..];
        let Some(open_end) = remaining.iter().position(|b| *b == b'>') else {
            break;
        };
        let body = &remaining[open_end + 1..];
        let text = &body[..body.iter().position(|b| *b == b'<').unwrap_or(body.len())];
        let hour = std::str::from_utf8(text)
            .ok()
            .and_then(|t| t.trim().parse::<u8>().ok());
        match hour {
            Some(hour @ 0..=23) => hours.push(hour),
            // The RSS 0.91 spec numbered hours 1-24; its 24 is midnight.
            Some(24) => hours.push(0),
            _ => {}
        }
    }
    hours.sort_unstable();
    hours.dedup();
    hours
}

#[cfg(test)]
#[path = "tests/schedule.rs"]
mod tests;
