//! What one `<outline>` says, and whether its addresses are ones Tidings may follow.

use quick_xml::events::BytesStart;
use url::Url;

use super::{MAX_TITLE_CHARS, MAX_URL_CHARS, text};

/// The attributes of one `<outline>` Tidings cares about, entities decoded. Names match in any
/// case because exporters disagree (`xmlUrl`, `xmlurl`, `XMLURL`); the first of a repeated
/// attribute wins.
#[derive(Default)]
pub(super) struct Outline {
    pub(super) text: Option<String>,
    pub(super) title: Option<String>,
    pub(super) xml_url: Option<String>,
    pub(super) html_url: Option<String>,
    pub(super) kind: Option<String>,
    /// `type="link"` and `type="include"` outlines point here.
    pub(super) url: Option<String>,
    /// The first attribute that names a program to run, like `command` or `exec`.
    pub(super) program_attribute: Option<String>,
}

impl Outline {
    pub(super) fn read(tag: &BytesStart<'_>) -> Outline {
        const PROGRAM_ATTRIBUTES: [&str; 7] = [
            "exec",
            "command",
            "cmd",
            "script",
            "program",
            "executable",
            "shell",
        ];
        let mut outline = Outline::default();
        // Lenient about syntax (unquoted values, repeats): a sloppy tag still names a feed.
        for attribute in tag.html_attributes().with_checks(false).flatten() {
            let key = attribute.key.local_name().as_ref().to_ascii_lowercase();
            if PROGRAM_ATTRIBUTES.contains(&key.as_str()) {
                outline.program_attribute.get_or_insert(key);
                continue;
            }
            let slot = match key.as_str() {
                "text" => &mut outline.text,
                "title" => &mut outline.title,
                "xmlurl" => &mut outline.xml_url,
                "htmlurl" => &mut outline.html_url,
                "type" => &mut outline.kind,
                "url" => &mut outline.url,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(text::unescape(&attribute.value).into_owned());
            }
        }
        outline
    }

    /// The title a person sees: `title`, else `text`, tidied; `None` when both are blank.
    pub(super) fn title(&self) -> Option<String> {
        [&self.title, &self.text]
            .into_iter()
            .flatten()
            .map(|t| text::tidy(t, MAX_TITLE_CHARS))
            .find(|t| !t.is_empty())
    }

    fn kind(&self) -> String {
        self.kind
            .as_deref()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    }

    /// Why this outline looks like an instruction to run something rather than a feed.
    pub(super) fn runs_program(&self) -> Option<String> {
        const PROGRAM_TYPES: [&str; 6] = [
            "exec",
            "script",
            "command",
            "program",
            "executable",
            "application",
        ];
        let kind = self.kind();
        if PROGRAM_TYPES.contains(&kind.as_str()) {
            return Some(format!(
                "it asks to run a program (type=\"{kind}\"); Tidings only subscribes to web feeds"
            ));
        }
        let attribute = self.program_attribute.as_deref()?;
        Some(format!(
            "it asks to run a program (its \"{attribute}\" attribute); \
             Tidings only subscribes to web feeds"
        ))
    }

    /// Why this outline is a link to something else rather than a feed or a folder.
    pub(super) fn links_elsewhere(&self) -> Option<String> {
        let kind = self.kind();
        if kind != "link" && kind != "include" {
            return None;
        }
        let reason = if self.url.as_deref().is_some_and(|url| web_url(url).is_err()) {
            "it points at something that is not a web page, like a file or a program on this \
             computer"
        } else if kind == "include" {
            "it includes another OPML list by address, which Tidings does not fetch; import that \
             list on its own"
        } else {
            "it is a link to a web page, not a feed"
        };
        Some(reason.to_string())
    }
}

/// An absolute http(s) address, or why not, worded for the person importing.
pub(super) fn web_url(raw: &str) -> Result<Url, String> {
    let raw = raw.trim();
    if raw.chars().count() > MAX_URL_CHARS {
        return Err(format!(
            "its feed address is longer than {MAX_URL_CHARS} characters"
        ));
    }
    let url = Url::parse(raw).map_err(|_| {
        "its feed address is not a complete web address (like https://example.com/feed)".to_string()
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "its feed address starts with \"{}:\", and Tidings only subscribes to http and \
             https feeds",
            text::shorten(url.scheme(), 20)
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("its feed address has no host name".to_string());
    }
    Ok(url)
}
