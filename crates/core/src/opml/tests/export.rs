//! Export, and the promise that our own import reads it back unchanged.

use url::Url;

use crate::opml::*;

fn feed(title: &str, xml_url: &str, html_url: Option<&str>, folder: Option<&str>) -> OpmlFeed {
    OpmlFeed {
        title: title.to_string(),
        xml_url: xml_url.to_string(),
        html_url: html_url.map(str::to_string),
        folder: folder.map(str::to_string),
    }
}

#[test]
fn export_then_import_gives_back_the_same_feeds() {
    let feeds = vec![
        feed(
            "Tom & Jerry's <\"Cartoons\"> ]]> </outline>",
            "https://toons.example/feed?a=1&b=2",
            Some("https://toons.example/"),
            None,
        ),
        feed(
            "日本語のニュース 🗞",
            "https://xn--r8jz45g.example/rss",
            None,
            Some("Ünïcödé & <Co>"),
        ),
        feed("A / B", "http://plain.example/", None, Some("Tech / Rust")),
        feed("Back at the top", "https://top.example/feed", None, None),
        feed(
            "Tech again",
            "https://again.example/feed",
            None,
            Some("Tech / Rust"),
        ),
    ];
    let xml = write_opml("Ana's <feeds> & more", &feeds);
    let import = parse_opml(xml.as_bytes()).unwrap();
    assert_eq!(import.feeds, feeds);
    assert_eq!(import.rejected, []);
}

#[test]
fn export_round_trips_over_a_generated_set() {
    const ALPHABET: [&str; 16] = [
        "&", "<", ">", "\"", "'", "é", "ß", "中文", "🦀", "&amp;", "]]>", "--", "a", "Z", "9", "/",
    ];
    let mut state = 0x2545_f491_u64;
    let mut next = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let mut words = |count: usize| {
        (0..count)
            .map(|_| {
                (0..1 + next(4))
                    .map(|_| ALPHABET[next(ALPHABET.len())])
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut feeds = Vec::new();
    for i in 0..500 {
        let folder = match i % 7 {
            0 | 1 => None,
            n => Some(format!("{} {n}", words(2))),
        };
        let query = url::form_urlencoded::byte_serialize(words(1).as_bytes()).collect::<String>();
        feeds.push(OpmlFeed {
            title: words(1 + i % 5),
            xml_url: Url::parse(&format!("https://host{i}.example/feed?q={query}"))
                .unwrap()
                .into(),
            html_url: (i % 3 == 0).then(|| format!("http://host{i}.example/")),
            folder,
        });
    }
    let import = parse_opml(write_opml("Generated", &feeds).as_bytes()).unwrap();
    assert_eq!(import.rejected, []);
    assert_eq!(import.feeds, feeds);
}

#[test]
fn export_is_well_formed_even_with_characters_xml_cannot_carry() {
    let feeds = [feed(
        "bell\u{7} tab\t null\u{0} \u{FFFF}end",
        "https://odd.example/feed",
        None,
        Some("line\nbreak"),
    )];
    let xml = write_opml("title\u{1b}[31m", &feeds);
    let mut reader = Reader::from_str(&xml);
    loop {
        match reader.read_event().expect("strictly well-formed") {
            Event::Eof => break,
            Event::Start(tag) | Event::Empty(tag) => {
                for attribute in tag.attributes() {
                    attribute
                        .unwrap()
                        .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap();
                }
            }
            _ => {}
        }
    }
    let import = parse_opml(xml.as_bytes()).unwrap();
    assert_eq!(import.feeds[0].title, "bell tab null end");
    assert_eq!(import.feeds[0].folder.as_deref(), Some("line break"));
}
