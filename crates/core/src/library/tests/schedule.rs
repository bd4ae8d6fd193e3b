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
