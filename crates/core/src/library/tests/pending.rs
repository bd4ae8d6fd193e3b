use super::*;

#[test]
fn retries_come_less_often_the_longer_the_network_is_away() {
    let delays: Vec<Timestamp> = (0..8).map(retry_delay).collect();
    assert_eq!(delays, [30, 60, 120, 240, 480, 900, 900, 900]);
    assert_eq!(retry_delay(u32::MAX), LONGEST_RETRY);
}
