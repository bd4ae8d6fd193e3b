use super::*;

#[test]
fn skip_hours_are_sorted_deduplicated_and_in_range() {
    let doc = b"<rss><channel><skipHours><hour>7</hour><hour> 1 </hour><hour>24</hour>\
                    <hour>7</hour><hour>25</hour><hour>x</hour></skipHours>\
                    <item><hour>3</hour></item></channel></rss>";
    assert_eq!(skip_hours(doc), vec![0, 1, 7]);
    assert!(skip_hours(b"<rss><channel><ttl>5</ttl></channel></rss>").is_empty());
}
