use super::*;

#[test]
fn an_image_address_survives_the_round_trip() {
    let src = "https://cdn.example/img/a b.png?x=1&y=é#frag";
    for requested in [false, true] {
        let app = app_image_url(7, src, requested);
        assert!(app.starts_with(scheme_base()));
        assert_eq!(
            parse_app_image_url(&app),
            Some(AppImage {
                article: 7,
                src: src.to_string(),
                requested
            })
        );
    }
}

#[test]
fn only_web_images_are_served() {
    let base = scheme_base();
    assert_eq!(
        parse_app_image_url(&format!(
            "{base}image?article=1&src=file%3A%2F%2F%2Fetc%2Fpasswd"
        )),
        None
    );
    assert_eq!(
        parse_app_image_url(&format!(
            "{base}other?article=1&src=https%3A%2F%2Fa.example%2F"
        )),
        None
    );
    assert_eq!(
        parse_app_image_url(&format!("{base}image?src=https%3A%2F%2Fa.example%2F")),
        None,
        "an image belongs to an article"
    );
    assert_eq!(parse_app_image_url(&format!("{base}image?article=1")), None);
}

#[test]
fn an_icon_address_names_its_feed_and_nothing_else() {
    let app = app_icon_url(12, 1_765_000_000);
    assert!(app.starts_with(scheme_base()));
    assert_eq!(parse_app_icon_url(&app), Some(12));
    assert_eq!(
        parse_app_icon_url(&app_image_url(12, "https://a.example/i.png", false)),
        None
    );
    assert_eq!(
        parse_app_icon_url(&format!("{}icon?feed=x", scheme_base())),
        None
    );
    assert_eq!(parse_app_image_url(&app), None);
}
