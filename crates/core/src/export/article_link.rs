//! The address that opens an article in Tidings, `tidings://article/ID`: written into the notes
//! Tidings exports, and read back when the system opens one with Tidings (the desktop file
//! registers the scheme). Anything can hand Tidings such a link, so reading one only ever names
//! an article to show.

use url::Url;

const SCHEME: &str = "tidings";
const ARTICLE_HOST: &str = "article";

/// The address that opens article `id` in Tidings.
pub fn article_link(id: i64) -> String {
    format!("{SCHEME}://{ARTICLE_HOST}/{id}")
}

/// The article a `tidings:` link opens; `None` when `text` is no `tidings:` link at all, and a
/// reason a person can read when it is one but names no article.
pub fn linked_article(text: &str) -> Option<Result<i64, String>> {
    let text = text.trim();
    let (scheme, _) = text.split_once(':')?;
    if !scheme.eq_ignore_ascii_case(SCHEME) {
        return None;
    }
    let not_an_article = || format!("“{text}” is not a link to an article in Tidings");
    let Ok(url) = Url::parse(text) else {
        return Some(Err(not_an_article()));
    };
    let id = (url.host_str() == Some(ARTICLE_HOST))
        .then(|| url.path().trim_start_matches('/').trim_end_matches('/'))
        .and_then(|id| id.parse::<i64>().ok())
        .filter(|id| *id > 0);
    Some(id.ok_or_else(not_an_article))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_link_reads_back_as_its_article() {
        assert_eq!(article_link(42), "tidings://article/42");
        assert_eq!(linked_article(&article_link(42)), Some(Ok(42)));
        assert_eq!(linked_article(" TIDINGS://article/7/ "), Some(Ok(7)));
    }

    #[test]
    fn other_links_are_not_ours_and_broken_ones_say_why() {
        assert_eq!(linked_article("https://example.com/article/1"), None);
        assert_eq!(linked_article("feed://example.com/rss"), None);
        assert_eq!(linked_article("/home/me/tidings.rss"), None);
        for broken in [
            "tidings://article/",
            "tidings://article/-3",
            "tidings://article/0",
            "tidings://article/12abc",
            "tidings://article/99999999999999999999",
            "tidings://article/1/2",
            "tidings://localhost/image?src=x",
            "tidings:article/1",
        ] {
            let reason = linked_article(broken).expect("a tidings link").unwrap_err();
            assert!(
                reason.contains("is not a link to an article"),
                "{broken}: {reason}"
            );
        }
    }
}
