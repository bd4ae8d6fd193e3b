//! One walk over the page, after clutter is gone and before readability takes it, noting what a
//! reader sees of its metadata (a date line, a byline, a lead image) and what kind of page it is.
//! One walk, because each CSS selection is a walk of its own and they added up to a tenth of
//! extraction time.

use dom_query::{Document, NodeRef};
use url::Url;

use super::dates;
use super::metadata::web_url;
use crate::sanitize::plain_text;

/// What a reader sees of the metadata on the page itself. Comment and sidebar dates and names
/// are gone by the time it is read.
#[derive(Debug, Default)]
pub(super) struct SeenOnPage {
    /// A `<time datetime>` or `itemprop=datePublished`, else a short line that reads as a date.
    /// Lines after the headline win over lines before it, where mastheads print today's date.
    pub date: Option<i64>,
    /// The first short block marked as the author's name.
    pub byline: Option<String>,
    /// The first real image in the article's markup (not a tracking pixel), for pages without
    /// an `og:image`: readability often leaves a lead figure outside the body.
    pub image: Option<String>,
    /// The `<figure>` around that image, as the page wrote it, when it has a caption:
    /// readability often drops a lead figure, and with it the caption the picture needs.
    pub image_figure: Option<String>,
}

/// What a page says about itself; used to tell articles from other pages.
#[derive(Debug, Default)]
pub(super) struct PageSignals {
    /// A password field, and a title or headline about signing in: a log-in wall. (Many article
    /// pages carry a password field in a header log-in box.)
    pub is_sign_in: bool,
    pub says_not_found: bool,
    pub is_website_not_article: bool,
    /// A headline of the page is in its title, so the page is that story's, whatever else it
    /// lists (a front page's title names the site).
    pub headline_in_title: bool,
    pub teasers: usize,
}

pub(super) fn survey(doc: &Document, page_url: &Url) -> (PageSignals, SeenOnPage) {
    let (mut title, mut first_h1) = (None::<String>, None::<String>);
    let mut headline_in_title = false;
    let (mut og_type, mut site_name, mut password, mut articles) = (None, None, false, 0);
    let (mut machine_date, mut date_before, mut date_after) = (None, None, None);
    let (mut byline, mut image, mut image_figure) = (None, None, None);
    for node in doc.root().descendants_it().filter(NodeRef::is_element) {
        let Some(name) = node.node_name() else {
            continue;
        };
        match &*name {
            "title" if title.is_none() => title = Some(super::body::normalize(&node.text())),
            "h1" => {
                let h1 = super::body::normalize(&node.text());
                // A front page's only <h1> is the site's name, which its title starts with; an
                // article's comes after the masthead's, or is told from the site's name.
                headline_in_title |= (first_h1.is_some() || site_name.is_some())
                    && names_a_story(&h1, title.as_deref(), site_name.as_deref());
                first_h1.get_or_insert(h1);
            }
            "meta" => match node.attr("property").as_deref() {
                Some("og:type") => {
                    og_type = node.attr("content").map(|t| t.to_ascii_lowercase());
                }
                Some("og:site_name") => {
                    site_name = node.attr("content").map(|n| super::body::normalize(&n));
                }
                _ => {}
            },
            "input" => {
                password |= node
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("password"));
            }
            "article" => articles += 1,
            "img" if image.is_none() && in_article(&node) && !is_tiny(&node) => {
                image = node.attr("src").and_then(|src| web_url(&src, page_url));
                image_figure = captioned_figure(&node);
            }
            _ => {}
        }
        if machine_date.is_none() {
            machine_date = machine_date_of(&node, &name);
        }
        if byline.is_none() && is_byline_block(&node) {
            byline = Some(plain_text(&node.text())).filter(|name| {
                let words = name.split(' ').count();
                (2..=8).contains(&words) && !dates::is_date_line(name)
            });
        }
        if date_after.is_none()
            && let Some(seconds) = short_line(&node, &name).and_then(|l| dates::parse_human(&l))
        {
            if first_h1.is_some() {
                date_after = Some(seconds);
            } else {
                date_before.get_or_insert(seconds);
            }
        }
    }
    let (title, first_h1) = (title.unwrap_or_default(), first_h1.unwrap_or_default());
    let says = |phrases: &[&str], text: &str| phrases.iter().any(|p| text.contains(p));
    let not_found = [
        "404",
        "not found",
        "no longer available",
        "doesn't exist",
        "does not exist",
    ];
    let signing_in = [
        "sign in",
        "log in",
        "login",
        "sign-in",
        "subscribe",
        "account",
    ];
    let is_article = og_type.as_deref() == Some("article");
    let signals = PageSignals {
        // A "Log in" heading of a header's log-in box comes first on many article pages.
        is_sign_in: password
            && (says(&signing_in, &title) || (!is_article && says(&signing_in, &first_h1))),
        says_not_found: says(&not_found, &title) || says(&not_found, &first_h1),
        is_website_not_article: og_type.as_deref() == Some("website"),
        headline_in_title,
        teasers: articles,
    };
    let seen = SeenOnPage {
        date: machine_date.or(date_after).or(date_before),
        byline,
        image,
        image_figure,
    };
    (signals, seen)
}

fn machine_date_of(node: &NodeRef, name: &str) -> Option<i64> {
    let value = if name == "time" {
        node.attr("datetime")
    } else if node.attr("itemprop").as_deref() == Some("datePublished") {
        node.attr("content").or_else(|| node.attr("datetime"))
    } else {
        None
    };
    value.as_deref().and_then(dates::parse_machine)
}

fn is_byline_block(node: &NodeRef) -> bool {
    node.attr("rel").as_deref() == Some("author")
        || node.attr("itemprop").as_deref() == Some("author")
        || node.attr("class").is_some_and(|classes| {
            classes
                .split_whitespace()
                .any(|c| c.eq_ignore_ascii_case("byline") || c.eq_ignore_ascii_case("author"))
        })
}

/// Inside an `<article>`, an `itemprop=articleBody`, or a figure in `<main>`.
fn in_article(img: &NodeRef) -> bool {
    let (mut figure, mut main) = (false, false);
    for ancestor in img.ancestors_it(Some(40)) {
        match ancestor.node_name().as_deref() {
            Some("article") => return true,
            Some("figure") => figure = true,
            Some("main") => main = true,
            _ => {}
        }
        if ancestor.attr("itemprop").as_deref() == Some("articleBody") {
            return true;
        }
    }
    figure && main
}

/// The HTML of the `<figure>` holding `img` (within a few levels), if it has a caption.
fn captioned_figure(img: &NodeRef) -> Option<String> {
    let figure = img
        .ancestors_it(Some(3))
        .find(|a| a.node_name().as_deref() == Some("figure"))?;
    (!figure.find(&["figcaption"]).is_empty()).then(|| figure.html().to_string())
}

fn is_tiny(img: &NodeRef) -> bool {
    ["width", "height"].iter().any(|attr| {
        img.attr(attr)
            .is_some_and(|v| v.trim().parse::<u32>().is_ok_and(|n| n < 50))
    })
}

/// Whether `headline` (lowercased words) names one story in the page's `title`: three words or
/// more, and not the site's name, which front pages put in both.
fn names_a_story(headline: &str, title: Option<&str>, site_name: Option<&str>) -> bool {
    headline.split(' ').count() >= 3
        && title.is_some_and(|title| title.contains(headline))
        && site_name.is_none_or(|site| !headline.contains(site) && !site.contains(headline))
}

/// The text of a leaf block of at most a dozen words, such as a date line.
fn short_line(node: &NodeRef, name: &str) -> Option<String> {
    if !matches!(
        name,
        "p" | "div" | "span" | "time" | "small" | "li" | "em" | "strong" | "header"
    ) {
        return None;
    }
    let blocky = node.element_children().iter().any(|c| {
        c.node_name().is_some_and(|n| {
            matches!(
                &*n,
                "p" | "div" | "ul" | "ol" | "table" | "section" | "article" | "h2" | "h3"
            )
        })
    });
    if blocky || node.normalized_char_count() > 120 {
        return None;
    }
    let text = node.text();
    (text.split_whitespace().count() <= 12).then(|| text.to_string())
}
