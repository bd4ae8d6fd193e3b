//! One self-contained HTML file per article: its images inlined as `data:` URIs and a Content
//! Security Policy that lets nothing else load, so the file opens the same offline, years later,
//! and tells no server it was opened.

use std::collections::HashMap;

use scraper::{ElementRef, Html, Node};

use super::{enclosure_name, rfc3339, too_deep};
use crate::api::Article;
use crate::media::{Image, image_urls};

const CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const STYLE: &str = "
:root { color-scheme: light dark; --text: #1f1d1a; --muted: #6b665e; --page: #fbfaf7;
  --link: #1d5fa8; --rule: #d9d5cc; --code: #f0eee8; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e7e3da; --muted: #a39e94; --page: #1b1a18; --link: #8ab4f0; --rule: #3e3b36;
    --code: #26241f; }
}
body { margin: 0; background: var(--page); color: var(--text);
  font: 1.15rem/1.65 Charter, 'Iowan Old Style', Georgia, Cambria, 'Times New Roman', serif; }
article { max-width: 68ch; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
a { color: var(--link); }
img { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; }
figcaption, .byline, .original, .attachments { color: var(--muted); font-size: 0.85em;
  font-family: system-ui, sans-serif; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
pre, code, kbd, samp { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.88em; }
pre { background: var(--code); padding: 0.8rem 1rem; overflow-x: auto; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; }
hr { border: none; border-top: 1px solid var(--rule); }
mark.highlight { color: inherit; border-radius: 2px; }
.highlight-yellow { background: #fde68a; } .highlight-green { background: #bbf0c9; }
.highlight-blue { background: #d6e5fc; } .highlight-pink { background: #fbdcec; }
@media (prefers-color-scheme: dark) {
  .highlight-yellow { background: #4a3c10; } .highlight-green { background: #1f4a2e; }
  .highlight-blue { background: #203a63; } .highlight-pink { background: #5a2140; }
}
.notes blockquote { padding: 0.2rem 0.8rem; }
.missing-image { display: inline-block; padding: 0.2rem 0.5rem; border: 1px dashed var(--rule);
  color: var(--muted); font: 0.85em system-ui, sans-serif; }
";

/// A complete HTML document for `article`. `images` answers with the picture kept for an
/// address, if any; nothing is ever fetched.
pub fn to_html(article: &Article, images: &dyn Fn(&str) -> Option<Image>) -> String {
    let mut writer = Writer {
        out: String::with_capacity(article.content_html.len() + STYLE.len() + 1024),
        images,
        inlined: HashMap::new(),
        in_link: false,
    };
    let title = if article.title.trim().is_empty() {
        "Untitled article"
    } else {
        &article.title
    };
    let title = escape(title);
    writer.out.push_str(&format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <article dir=\"auto\">\n<header>\n<h1>{title}</h1>\n"
    ));
    writer.header(article);
    writer.out.push_str("</header>\n");
    if let Some(lead) = &article.lead_image
        && !image_urls(&article.content_html).contains(lead)
        && let Some(src) = writer.data_uri(lead)
    {
        writer
            .out
            .push_str(&format!("<figure><img src=\"{src}\" alt=\"\"></figure>\n"));
    }
    let fragment = Html::parse_fragment(&article.content_html);
    writer.children(fragment.root_element());
    writer.attachments(article);
    writer.out.push_str("\n</article>\n</body>\n</html>\n");
    writer.out
}

struct Writer<'a> {
    out: String,
    images: &'a dyn Fn(&str) -> Option<Image>,
    /// Each address asked for once: a picture used twice is encoded once.
    inlined: HashMap<String, Option<String>>,
    in_link: bool,
}

impl Writer<'_> {
    fn header(&mut self, article: &Article) {
        let date = article.published_at.and_then(rfc3339).map(|at| {
            format!(
                "<time datetime=\"{at}\">{}</time>",
                at.get(..10).unwrap_or(&at)
            )
        });
        let byline: Vec<String> = [article.author.as_deref(), Some(&article.source_title)]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(escape)
            .chain(date)
            .collect();
        if !byline.is_empty() {
            let byline = byline.join(" · ");
            self.out
                .push_str(&format!("<p class=\"byline\">{byline}</p>\n"));
        }
        if !article.tags.is_empty() {
            let tags: Vec<String> = article.tags.iter().map(|t| escape(t)).collect();
            self.out.push_str(&format!(
                "<p class=\"tags\">Tags: {}</p>\n",
                tags.join(", ")
            ));
        }
        if let Some(url) = article.url.as_deref().filter(|u| is_web_address(u)) {
            let url = escape(url);
            self.out.push_str(&format!(
                "<p class=\"original\">Original: <a href=\"{url}\">{url}</a></p>\n"
            ));
        }
    }

    fn attachments(&mut self, article: &Article) {
        let mut enclosures = article.enclosures.iter().filter(|e| is_web_address(&e.url));
        let Some(first) = enclosures.next() else {
            return;
        };
        self.out
            .push_str("\n<ul class=\"attachments\" aria-label=\"Attachments\">\n");
        for enclosure in std::iter::once(first).chain(enclosures) {
            let (url, name) = (escape(&enclosure.url), escape(&enclosure_name(enclosure)));
            self.out
                .push_str(&format!("<li><a href=\"{url}\">{name}</a></li>\n"));
        }
        self.out.push_str("</ul>");
    }

    /// The picture kept for `url` as a `data:` URI, when there is one.
    fn data_uri(&mut self, url: &str) -> Option<String> {
        if let Some(known) = self.inlined.get(url) {
            return known.clone();
        }
        let uri = (self.images)(url).and_then(|image| {
            let mime = image.mime_type.trim().to_ascii_lowercase();
            is_image_type(&mime).then(|| format!("data:{mime};base64,{}", base64(&image.bytes)))
        });
        self.inlined.insert(url.to_string(), uri.clone());
        uri
    }

    fn children(&mut self, element: ElementRef) {
        for node in element.children() {
            if let Some(child) = ElementRef::wrap(node) {
                self.element(child);
            } else if let Node::Text(text) = node.value() {
                self.out.push_str(&escape(text));
            }
        }
    }

    /// Writes the element again from the parsed tree, so every name and value is escaped here
    /// rather than trusted from the stored text. The body was sanitized when it was stored; the
    /// CSP is the second line of defence.
    fn element(&mut self, element: ElementRef) {
        if too_deep(element) {
            return self
                .out
                .push_str(&escape(&element.text().collect::<String>()));
        }
        let name = element.value().name();
        if !is_plain_name(name) {
            return self.children(element);
        }
        if name == "img" {
            return self.image(element);
        }
        self.out.push('<');
        self.out.push_str(name);
        for (attribute, value) in element.value().attrs() {
            if is_plain_name(attribute) && !attribute.starts_with("on") && attribute != "style" {
                self.out
                    .push_str(&format!(" {attribute}=\"{}\"", escape(value)));
            }
        }
        self.out.push('>');
        if is_void(name) {
            return;
        }
        // The parser drops a newline right after `<pre>`; one that was content needs another.
        if name == "pre"
            && let Some(Node::Text(text)) = element.first_child().map(|c| c.value())
            && text.starts_with('\n')
        {
            self.out.push('\n');
        }
        let was_in_link = self.in_link;
        self.in_link |= name == "a";
        self.children(element);
        self.in_link = was_in_link;
        self.out.push_str(&format!("</{name}>"));
    }

    /// An image inlined, or, when it was never kept, its description in its place. An `<img>`
    /// pointing at the network would show nothing (the CSP forbids loading it) and, without the
    /// CSP, would tell the publisher the file was opened. A link to the original keeps it one
    /// click away for a reader who is online.
    fn image(&mut self, element: ElementRef) {
        let attr = |name: &str| {
            element
                .value()
                .attr(name)
                .map(str::trim)
                .unwrap_or_default()
        };
        let src = attr("src");
        let alt = escape(attr("alt"));
        match (!src.is_empty()).then(|| self.data_uri(src)).flatten() {
            Some(data) => {
                self.out
                    .push_str(&format!("<img src=\"{data}\" alt=\"{alt}\""));
                for name in ["width", "height"] {
                    let value = attr(name);
                    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
                        self.out.push_str(&format!(" {name}=\"{value}\""));
                    }
                }
                if !attr("title").is_empty() {
                    self.out
                        .push_str(&format!(" title=\"{}\"", escape(attr("title"))));
                }
                self.out.push('>');
            }
            None => {
                let text = if alt.is_empty() { "Image" } else { &alt };
                let label = "title=\"Image not kept for offline reading\"";
                if is_web_address(src) && !self.in_link {
                    self.out.push_str(&format!(
                        "<a class=\"missing-image\" {label} href=\"{}\">{text}</a>",
                        escape(src)
                    ));
                } else {
                    self.out.push_str(&format!(
                        "<span class=\"missing-image\" {label}>{text}</span>"
                    ));
                }
            }
        }
    }
}

fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `image/png`, `image/svg+xml`: a type safe to write into a `data:` URI as it is.
fn is_image_type(mime: &str) -> bool {
    let subtype = mime.strip_prefix("image/").unwrap_or_default();
    !subtype.is_empty()
        && subtype
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'+' | b'-'))
}

/// Tag and attribute names as the parser gives HTML's own: lowercase letters, digits, `-`.
fn is_plain_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

fn escape(text: &str) -> String {
    crate::sanitize::escape_text(text)
}

pub(super) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
