//! When to poll a feed next. Pure functions of what the feed and server said and how the last
//! attempts went, so every rule is easy to test.

use crate::Timestamp;

/// The refresh interval unless the person changes it.
pub const DEFAULT_INTERVAL_SECS: i64 = 30 * 60;
/// Longest wait between attempts at a failing feed.
pub const MAX_BACKOFF_SECS: i64 = 24 * 3600;

/// After the server answered (200 or 304): the regular interval, or longer if the server
/// (Cache-Control max-age) or feed (RSS ttl) asked for that, plus a little jitter so that feeds
/// added together don't stay in lockstep; then past any hours the feed asks to be skipped.
pub fn after_success(
    now: Timestamp,
    interval: i64,
    min_interval: Option<i64>,
    skip_hours: &[u8],
    feed_id: i64,
) -> Timestamp {
    let wait = interval.max(min_interval.unwrap_or(0));
    skip(now + wait + jitter(wait, feed_id, now), skip_hours)
}

/// After a failure: the interval doubled for each failure in a row (`failures` counts this one),
/// capped at a day, and never sooner than the server's Retry-After.
pub fn after_failure(
    now: Timestamp,
    interval: i64,
    failures: u32,
    retry_after: Option<i64>,
    feed_id: i64,
) -> Timestamp {
    let doublings = failures.saturating_sub(1).min(20);
    let backoff = interval
        .saturating_mul(1 << doublings)
        .min(MAX_BACKOFF_SECS);
    let wait = backoff.max(retry_after.unwrap_or(0));
    now + wait + jitter(wait, feed_id, now)
}

/// Up to a tenth of `wait`, derived from the feed and the time so it needs no random source.
fn jitter(wait: i64, feed_id: i64, now: Timestamp) -> i64 {
    let spread = wait / 10;
    if spread <= 0 {
        return 0;
    }
    let mixed = (feed_id as u64 ^ (now as u64).rotate_left(17)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 33) as i64 % spread
}

/// Moves `at` to the start of the next hour (UTC) the feed doesn't ask to skip.
fn skip(at: Timestamp, skip_hours: &[u8]) -> Timestamp {
    if skip_hours.is_empty() || skip_hours.len() >= 24 {
        return at;
    }
    let mut at = at;
    for _ in 0..24 {
        let hour = at.rem_euclid(86_400) / 3600;
        if !skip_hours.contains(&(hour as u8)) {
            return at;
        }
        at = (at / 3600 + 1) * 3600;
    }
    at
}

#[cfg(test)]
#[path = "tests/schedule.rs"]
mod tests;
