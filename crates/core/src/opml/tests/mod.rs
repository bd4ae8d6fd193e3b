use std::path::PathBuf;

use super::*;

mod export;
mod hostile;

pub(super) fn fixture(path: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub(super) fn import(name: &str) -> OpmlImport {
    parse_opml(&fixture(&format!("opml/testdata/{name}"))).unwrap()
}

pub(super) fn feed(
    title: &str,
    xml_url: &str,
    html_url: Option<&str>,
    folder: Option<&str>,
) -> OpmlFeed {
    OpmlFeed {
        title: title.to_string(),
        xml_url: xml_url.to_string(),
        html_url: html_url.map(str::to_string),
        folder: folder.map(str::to_string),
    }
}

pub(super) fn titles(import: &OpmlImport) -> Vec<&str> {
    import.feeds.iter().map(|f| f.title.as_str()).collect()
}

pub(super) fn reasons(import: &OpmlImport) -> Vec<(&str, &str)> {
    import
        .rejected
        .iter()
        .map(|r| (r.title.as_str(), r.reason.as_str()))
        .collect()
}

/// A list of `count` feeds spread over folders, some nested, as a reader would export it.
pub(super) fn generated_opml(count: usize) -> String {
    let mut xml = String::from("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>");
    for folder in 0..count.div_ceil(50) {
        xml.push_str(&format!(
            "<outline text=\"Folder {folder}\"><outline text=\"Inner\">"
        ));
        for i in folder * 50..count.min(folder * 50 + 50) {
            xml.push_str(&format!(
                "<outline type=\"rss\" text=\"Feed {i}\" xmlUrl=\"https://site{i}.example/feed\"/>"
            ));
        }
        xml.push_str("</outline></outline>");
    }
    xml.push_str("</body></opml>");
    xml
}

#[test]
fn a_typical_reader_export_imports_with_its_nested_folders_flattened() {
    let import = import("reader-export.opml");
    assert_eq!(
        import.feeds,
        [
            feed(
                "Hacker News",
                "https://news.ycombinator.com/rss",
                Some("https://news.ycombinator.com/"),
                Some("Tech")
            ),
            feed(
                "Ars Technica",
                "https://feeds.arstechnica.com/arstechnica/index",
                Some("https://arstechnica.com/"),
                Some("Tech")
            ),
            feed(
                "This Week in Rust",
                "https://this-week-in-rust.org/rss.xml",
                Some("https://this-week-in-rust.org/"),
                Some("Tech / Rust")
            ),
            feed(
                "Inside Rust Blog",
                "https://blog.rust-lang.org/inside-rust/feed.xml",
                None,
                Some("Tech / Rust")
            ),
            feed(
                "Marginalian",
                "https://www.themarginalian.org/feed/",
                Some("https://www.themarginalian.org/"),
                None
            ),
            feed(
                "Le Monde — À la une",
                "https://www.lemonde.fr/rss/une.xml",
                Some("https://www.lemonde.fr/"),
                Some("News & Politics")
            ),
            feed(
                "Süddeutsche Zeitung",
                "https://rss.sueddeutsche.de/rss/Topthemen?x=1&y=2",
                Some("https://www.sueddeutsche.de/"),
                Some("News & Politics")
            ),
            feed("xkcd.com", "https://xkcd.com/atom.xml", None, None),
        ]
    );
    assert_eq!(import.rejected, []);
}

#[test]
fn an_opml_1_0_file_with_any_attribute_case_imports() {
    let import = import("opml-1.0.opml");
    assert_eq!(
        import.feeds,
        [
            feed(
                "Daring Fireball",
                "https://daringfireball.net/feeds/main",
                Some("https://daringfireball.net/"),
                None
            ),
            feed(
                "Kottke",
                "http://feeds.kottke.org/main",
                Some("http://kottke.org/"),
                Some("Blogs")
            ),
            feed(
                "Scripting News",
                "http://scripting.com/rss.xml",
                None,
                Some("Blogs")
            ),
        ]
    );
}

#[test]
fn an_iso_8859_1_file_keeps_its_accents() {
    let import = import("iso-8859-1.opml");
    assert_eq!(titles(&import), ["Café de la Gare", "Münchner Straßenbahn"]);
    assert_eq!(import.feeds[0].folder.as_deref(), Some("Actualités"));
}

#[test]
fn a_utf16_file_is_read() {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><opml><body>\
               <outline text=\"Wide ✓\" xmlUrl=\"https://wide.example/feed\"/></body></opml>";
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(xml.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(titles(&parse_opml(&bytes).unwrap()), ["Wide ✓"]);
}

#[test]
fn a_sloppy_file_still_imports() {
    let import = import("sloppy.opml");
    assert_eq!(
        import.feeds,
        [
            feed(
                "Top level",
                "https://top.example.com/rss?a=1&b=2",
                None,
                None
            ),
            feed(
                "Unquoted",
                "https://unquoted.example.com/feed",
                None,
                Some("Blogs")
            ),
            feed("Title wins", "https://wins.example.com/feed", None, None),
            feed("Only text", "https://text.example.com/feed", None, None),
            feed(
                "no-title.example.com",
                "https://no-title.example.com/feed",
                None,
                None
            ),
            feed(
                "Tabs and newlines",
                "https://spaces.example.com/feed",
                None,
                None
            ),
        ]
    );
    assert_eq!(import.rejected, []);
}

#[test]
fn a_file_cut_off_midway_keeps_what_came_before_and_says_where_it_broke() {
    let import = import("truncated.opml");
    assert_eq!(titles(&import), ["First", "Second"]);
    assert_eq!(import.feeds[1].folder.as_deref(), Some("Reading"));
    let [note] = &import.rejected[..] else {
        panic!("{:?}", import.rejected)
    };
    assert_eq!((note.title.as_str(), note.url.as_str()), ("", ""));
    assert!(note.reason.contains("line 8"), "{}", note.reason);
}

#[test]
fn a_1000_feed_opml_imports_in_one_parse_with_its_folders() {
    let import = parse_opml(generated_opml(1000).as_bytes()).unwrap();
    assert_eq!(import.feeds.len(), 1000);
    assert_eq!(import.rejected, []);
    assert_eq!(import.feeds[0].folder.as_deref(), Some("Folder 0 / Inner"));
    assert_eq!(
        import.feeds[999].folder.as_deref(),
        Some("Folder 19 / Inner")
    );
}
