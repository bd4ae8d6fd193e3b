//! What stored HTML must never contain, whatever went in: text is escaped, so these tags can only
//! appear if the sanitizer let an element through.
pub fn assert_inert(html: &str) {
    let lower = html.to_ascii_lowercase();
    for tag in [
        "<script", "<iframe", "<object", "<embed", "<style", "<form", "<base", "<meta",
    ] {
        assert!(!lower.contains(tag), "{tag} survived sanitizing: {html}");
    }
}
