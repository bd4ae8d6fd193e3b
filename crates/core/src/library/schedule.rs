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
mod tests {
    use super::*;

    const NOW: Timestamp = 1_719_302_400; // 2024-06-25 08:00 UTC
    const INTERVAL: i64 = DEFAULT_INTERVAL_SECS;

    #[test]
    fn a_healthy_feed_comes_back_after_the_interval_with_a_little_jitter() {
        for feed in 0..50 {
            let next = after_success(NOW, INTERVAL, None, &[], feed);
            assert!(
                (NOW + INTERVAL..NOW + INTERVAL + INTERVAL / 10).contains(&next),
                "{feed}"
            );
        }
        let spread: std::collections::HashSet<_> = (0..50)
            .map(|f| after_success(NOW, INTERVAL, None, &[], f))
            .collect();
        assert!(spread.len() > 10, "feeds added together should spread out");
    }

    #[test]
    fn the_server_or_feed_can_ask_for_longer_but_not_shorter() {
        let next = after_success(NOW, INTERVAL, Some(3 * 3600), &[], 1);
        assert!(next >= NOW + 3 * 3600);
        let next = after_success(NOW, INTERVAL, Some(60), &[], 1);
        assert!(next >= NOW + INTERVAL);
    }

    #[test]
    fn skip_hours_push_the_poll_past_them() {
        // 08:30 would fall in skipped hours 8 and 9: the poll moves to 10:00.
        let next = after_success(NOW, INTERVAL, None, &[8, 9], 7);
        assert_eq!(next, NOW + 2 * 3600);
        let every_hour: Vec<u8> = (0..24).collect();
        let next = after_success(NOW, INTERVAL, None, &every_hour, 7);
        assert!(
            next - NOW < 3600,
            "skipping every hour must not stop polling"
        );
    }

    #[test]
    fn failures_back_off_exponentially_up_to_a_day() {
        let waits: Vec<i64> = (1..=8)
            .map(|n| after_failure(NOW, INTERVAL, n, None, 3) - NOW)
            .collect();
        for (n, wait) in waits.iter().enumerate() {
            let base = (INTERVAL << n).min(MAX_BACKOFF_SECS);
            assert!(
                (base..=base + base / 10).contains(wait),
                "failure {}: {wait}",
                n + 1
            );
        }
        assert!(waits.windows(2).all(|w| w[1] >= w[0]));
        assert!(*waits.last().unwrap() <= MAX_BACKOFF_SECS + MAX_BACKOFF_SECS / 10);
    }

    #[test]
    fn retry_after_is_honoured() {
        let next = after_failure(NOW, INTERVAL, 1, Some(6 * 3600), 3);
        assert!(next >= NOW + 6 * 3600);
    }
}
