//! Repairs for what real feeds get wrong, applied before feed-rs sees the document.

use std::borrow::Cow;

/// RSS 0.90 is RDF with Netscape's namespace; feed-rs only reads items in the RSS 1.0 namespace,
/// which has the same elements.
const RSS_090_NAMESPACE: &str = "http://channel.netscape.com/rdf/simple/0.9/";
const RSS_10_NAMESPACE: &str = "http://purl.org/rss/1.0/";

pub(super) fn before_parsing(bytes: &[u8]) -> Cow<'_, [u8]> {
    let needle = RSS_090_NAMESPACE.as_bytes();
    if !bytes.windows(needle.len()).any(|w| w == needle) {
        return Cow::Borrowed(bytes);
    }
    let text = String::from_utf8_lossy(bytes).replace(RSS_090_NAMESPACE, RSS_10_NAMESPACE);
    Cow::Owned(text.into_bytes())
}
