use super::*;

#[test]
fn public_and_private_addresses() {
    for private in [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fd00::1",
        "::ffff:127.0.0.1",
        "::ffff:192.168.0.1",
        "64:ff9b::7f00:1",
    ] {
        assert!(!is_public(private.parse().unwrap()), "{private}");
    }
    for public in [
        "93.184.215.14",
        "1.1.1.1",
        "2606:4700::1111",
        "::ffff:8.8.8.8",
    ] {
        assert!(is_public(public.parse().unwrap()), "{public}");
    }
}

#[test]
fn where_content_comes_from_decides_its_reach() {
    for private in [
        "http://127.0.0.1:8080/feed.xml",
        "http://[::1]/feed",
        "http://localhost/feed",
        "http://nas.local/feed",
        "http://intranet/feed",
        "http://router.home.arpa/",
        "http://10.0.0.2/x",
    ] {
        assert_eq!(
            Reach::for_content_from(private),
            Reach::Anywhere,
            "{private}"
        );
    }
    for public in [
        "https://news.example.com/feed.xml",
        "https://93.184.215.14/feed",
        "not a url",
    ] {
        assert_eq!(
            Reach::for_content_from(public),
            Reach::PublicOnly,
            "{public}"
        );
    }
}

#[test]
fn hops_to_private_literals_are_refused_only_for_content() {
    let hop = Url::parse("http://169.254.169.254/latest/meta-data").unwrap();
    assert!(check_hop(&hop, Reach::PublicOnly).is_err());
    assert!(check_hop(&hop, Reach::Anywhere).is_ok());
    let named = Url::parse("https://cdn.example.com/a.png").unwrap();
    assert!(check_hop(&named, Reach::PublicOnly).is_ok());
}
