//! The icons a web page links in its `<head>`: `<link rel="icon">` (and the old
//! `rel="shortcut icon"`), Apple's touch icons, ranked by how well they suit a line of text.

use scraper::{Html, Selector};
use url::Url;

/// The size an icon is shown at, doubled for high-density screens.
const SHOWN_PX: u32 = 32;
/// Longer `href`s are not icons anyone links.
const MAX_HREF_BYTES: usize = 2048;

/// The http(s) icons `html` links, resolved against `base`, best first, without duplicates.
pub fn icon_links(html: &str, base: &Url) -> Vec<Url> {
    let document = Html::parse_document(html);
    let links = Selector::parse("link[rel][href]").expect("a constant CSS selector parses");
    let mut ranked: Vec<(u32, usize, Url)> = document
        .select(&links)
        .enumerate()
        .filter_map(|(order, link)| {
            let rel = link.attr("rel")?.to_ascii_lowercase();
            let kind = rel.split_ascii_whitespace().find_map(|token| match token {
                "icon" => Some(Kind::Icon),
                "apple-touch-icon" | "apple-touch-icon-precomposed" => Some(Kind::TouchIcon),
                _ => None,
            })?;
            let href = link.attr("href")?.trim();
            if href.is_empty() || href.len() > MAX_HREF_BYTES {
                return None;
            }
            let url = base
                .join(href)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"))?;
            let vector = link
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("image/svg+xml"))
                || url.path().to_ascii_lowercase().ends_with(".svg");
            let size = if vector {
                Some(SHOWN_PX)
            } else {
                link.attr("sizes").and_then(largest_size).or(match kind {
                    Kind::Icon => None,
                    // Apple's default touch icon.
                    Kind::TouchIcon => Some(180),
                })
            };
            Some((unsuitability(size), order, url))
        })
        .collect();
    ranked.sort_by_key(|(unsuitability, order, _)| (*unsuitability, *order));
    let mut urls: Vec<Url> = Vec::new();
    for (_, _, url) in ranked {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

enum Kind {
    Icon,
    TouchIcon,
}

/// How far an icon of `size` pixels is from the size shown: a smaller one, which would be
/// blurred, counts four times as far as a bigger one, which is only scaled down.
fn unsuitability(size: Option<u32>) -> u32 {
    match size {
        // An icon that gives no size is usually a 16 or 32 pixel favicon.
        None => 24,
        Some(px) if px >= SHOWN_PX => px - SHOWN_PX,
        Some(px) => (SHOWN_PX - px) * 4,
    }
}

/// The largest of `sizes="16x16 32x32"`; `None` for `any` or nothing readable.
fn largest_size(sizes: &str) -> Option<u32> {
    sizes
        .split_ascii_whitespace()
        .filter_map(|size| {
            let size = size.to_ascii_lowercase();
            let (width, _) = size.split_once('x')?;
            width.parse::<u32>().ok()
        })
        .max()
}
