//! The article body by the name its site gives it: the first block called "entry-content",
//! "article-body", "post-text", `itemprop="articleBody"` and the like.
//!
//! Readability scores containers by their text and commas; on a page whose story is short beside
//! a long sidebar, an author box or a product table, it picks the wrong one. Most sites' templates
//! name the container of the story, and that name is a second opinion.

use dom_query::{Document, NodeRef};

/// Consecutive name parts that name an article's body ("entry-content", "c-article-body",
/// "article__content", "js-post-body").
const BODY_NAMES: &[(&str, &str)] = &[
    ("entry", "content"),
    ("entry", "text"),
    ("entry", "body"),
    ("article", "content"),
    ("article", "body"),
    ("article", "text"),
    ("post", "content"),
    ("post", "body"),
    ("post", "text"),
    ("post", "entry"),
    ("story", "content"),
    ("story", "body"),
    ("story", "text"),
    ("body", "text"),
    ("body", "txt"),
    ("text", "content"),
    ("field", "body"),
];

/// The same names written as one word ("articleBody", "postcontent").
const BODY_WORDS: &[&str] = &[
    "entrycontent",
    "articlebody",
    "articlecontent",
    "articletext",
    "postcontent",
    "postbody",
    "posttext",
    "storybody",
    "storycontent",
    "bodytext",
];

/// The first block (in document order) named as the article's body.
pub(super) struct NamedBody {
    pub html: String,
    /// Its text as the page has it, before the reader policy, without whitespace (the page's
    /// text has none where one block ends and the next begins).
    pub text: String,
    pub words: usize,
}

pub(super) fn find(doc: &Document) -> Option<NamedBody> {
    let nodes = doc.select("article, div, main, section").nodes().to_vec();
    let node = nodes.iter().find(|node| is_named_body(node))?;
    let text = node.text();
    Some(NamedBody {
        html: node.html().to_string(),
        words: super::body::word_count(&text),
        text: without_whitespace(&text),
    })
}

impl NamedBody {
    /// Whether `text` (a few words) is in this block, whatever the whitespace.
    pub fn holds(&self, text: &str) -> bool {
        self.text.contains(&without_whitespace(text))
    }
}

fn without_whitespace(text: &str) -> String {
    text.split_whitespace().collect()
}

pub(super) fn is_named_body(node: &NodeRef) -> bool {
    if node.is("[itemprop=articleBody]") {
        return true;
    }
    let class = node.attr("class").unwrap_or_default().to_lowercase();
    let id = node.attr("id").unwrap_or_default().to_lowercase();
    class
        .split_whitespace()
        .chain(std::iter::once(id.as_str()))
        .any(names_body)
}

fn names_body(name: &str) -> bool {
    let parts: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    // Long names are slugs of headings, not roles.
    if parts.len() > 4 {
        return false;
    }
    parts.iter().any(|p| BODY_WORDS.contains(p))
        || parts
            .windows(2)
            .any(|w| BODY_NAMES.iter().any(|(a, b)| w[0] == *a && w[1] == *b))
}
