//! Finding and rewriting image addresses in HTML that `crate::sanitize` produced. That output is
//! regular (double-quoted attributes, escaped values, no comments or scripts), so a scan over
//! `<img` tags is exact and far cheaper than parsing the document again.

/// The distinct `src` addresses of the images in sanitized `html`, in order.
pub fn image_urls(html: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    for_each_img_src(html, |src| {
        let url = unescape_attribute(src);
        if !urls.contains(&url) {
            urls.push(url);
        }
    });
    urls
}

/// `html` with every image `src` replaced by `route(original address)`, so the webview asks the
/// app, not the network.
pub fn route_images(html: &str, route: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some((before, src, after)) = next_img_src(rest) {
        out.push_str(before);
        out.push_str(&escape_attribute(&route(&unescape_attribute(src))));
        rest = after;
    }
    out.push_str(rest);
    out
}

fn for_each_img_src(html: &str, mut each: impl FnMut(&str)) {
    let mut rest = html;
    while let Some((_, src, after)) = next_img_src(rest) {
        each(src);
        rest = after;
    }
}

/// Splits at the next `<img …src="…"`: the text up to the value, the value, and the rest.
fn next_img_src(html: &str) -> Option<(&str, &str, &str)> {
    let mut offset = 0;
    loop {
        let tag_start = offset + html[offset..].find("<img")?;
        let tag_end = tag_start + html[tag_start..].find('>')?;
        let tag = &html[tag_start..tag_end];
        if let Some(at) = tag.find(" src=\"") {
            let value_start = tag_start + at + " src=\"".len();
            let value_end = value_start + html[value_start..tag_end].find('"')?;
            return Some((
                &html[..value_start],
                &html[value_start..value_end],
                &html[value_end..],
            ));
        }
        offset = tag_end;
    }
}

fn unescape_attribute(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
