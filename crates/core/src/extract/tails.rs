//! What follows an article under a heading of its own: related and recommended stories,
//! "you may also like", ratings, comments, tags, share prompts. Sites name these blocks in
//! their own language and often not at all, so they are found by the heading a reader sees —
//! in the languages of the pages people read here — and removed with the links or short lines
//! that follow it, never a paragraph of text.

use dom_query::{Document, NodeRef};

/// Headings that open a section that is not the article (lowercase). A heading matches when
/// its text is one of these, or begins with one and then punctuation ("Comments (12)"), or
/// with one of several words and then more ("More from The Verge"; but "Related to the
/// bridge" is a headline).
const TAIL_HEADINGS: &[&str] = &[
    // English
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "related news",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "more from",
    "more stories",
    "more news",
    "recommended",
    "recommended for you",
    "most popular",
    "most read",
    "popular posts",
    "trending",
    "read next",
    "up next",
    "comments",
    "leave a comment",
    "leave a reply",
    "share this",
    "share this article",
    "share this post",
    "was this article helpful",
    "did you find this article helpful",
    // German
    "das könnte dich auch interessieren",
    "das könnte sie auch interessieren",
    "das könnte dich interessieren",
    "das könnte sie interessieren",
    "auch interessant",
    "ähnliche artikel",
    "ähnliche beiträge",
    "verwandte artikel",
    "weitere artikel",
    "weitere beiträge",
    "weitere nachrichten",
    "mehr zum thema",
    "mehr zu",
    "lesen sie auch",
    "lies auch",
    "meistgelesen",
    "meistgelesene artikel",
    "meistdiskutiert",
    "meistdiskutierte artikel",
    "meistkommentiert",
    "zum weiterlesen",
    "weiterlesen",
    "entdecke weitere",
    "entdecken sie weitere",
    "entdecken sie jetzt",
    "empfehlungen aus der redaktion",
    "unsere empfehlungen",
    "beliebte artikel",
    "beliebte beiträge",
    "kommentare",
    "schreibe einen kommentar",
    "kommentar schreiben",
    "diesen artikel teilen",
    "artikel teilen",
    "war der artikel hilfreich",
    "war dieser artikel hilfreich",
    "war der artikel nützlich",
    "war dieser artikel nützlich",
    "artikel bewerten",
    "schlagworte",
    // French
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "vous aimerez aussi",
    "vous aimerez peut-être aussi",
    "les plus lus",
    "commentaires",
    "laisser un commentaire",
    // Spanish
    "te puede interesar",
    "también te puede interesar",
    "noticias relacionadas",
    "artículos relacionados",
    "lea también",
    "lee también",
    "más noticias",
    "lo más leído",
    "comentarios",
    "deja un comentario",
    // Portuguese
    "leia também",
    "veja também",
    "notícias relacionadas",
    "artigos relacionados",
    "mais lidas",
    "comentários",
    "deixe um comentário",
    // Italian
    "leggi anche",
    "articoli correlati",
    "potrebbe interessarti",
    "commenti",
    "lascia un commento",
    // Polish
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
    "polecamy",
    "podobne artykuły",
    "najczęściej czytane",
    "komentarze",
    // Dutch
    "lees ook",
    "gerelateerde artikelen",
    "reacties",
];

/// A heading longer than this is a headline, not a section's label.
const MAX_HEADING_CHARS: usize = 80;

/// Removes each tail section from the page in place: its heading, then the blocks after it
/// while they are links or short lines.
pub(super) fn remove(doc: &Document) {
    let headings = doc.select("h2, h3, h4, h5, h6, p, div, span, strong");
    let mut doomed = Vec::new();
    for heading in headings.nodes() {
        if is_tail_heading(heading) {
            doomed.push(*heading);
            // A heading alone in its wrapper: the section goes on after the wrapper.
            let mut from = *heading;
            while from.next_element_sibling().is_none() {
                match from.parent() {
                    Some(parent)
                        if parent.is_element()
                            && parent.normalized_char_count()
                                == heading.normalized_char_count() =>
                    {
                        from = parent;
                    }
                    _ => break,
                }
            }
            let mut next = from.next_element_sibling();
            while let Some(block) = next {
                if !is_tail_block(&block) {
                    break;
                }
                next = block.next_element_sibling();
                doomed.push(block);
            }
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

fn is_tail_heading(node: &NodeRef) -> bool {
    let is_heading = named(node, &["h2", "h3", "h4", "h5", "h6"]);
    // Otherwise a line of its own: inline elements only, and not a word inside a paragraph.
    if !is_heading
        && (node
            .element_children()
            .iter()
            .any(|child| !is_inline(child))
            || node
                .parent()
                .is_some_and(|p| named(&p, &["p", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6"])))
    {
        return false;
    }
    let chars = node.normalized_char_count();
    if chars == 0 || chars > MAX_HEADING_CHARS {
        return false;
    }
    let text = node.text().to_lowercase();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_end_matches([':', '.', '!', '?', '…', ' ']);
    TAIL_HEADINGS.iter().any(|phrase| {
        text.strip_prefix(phrase).is_some_and(|rest| {
            let mut after = rest.chars();
            match after.next() {
                None => true,
                Some(' ') => {
                    phrase.contains(' ') || after.next().is_some_and(|c| !c.is_alphanumeric())
                }
                Some(c) => c.is_ascii_punctuation(),
            }
        })
    })
}

fn is_inline(node: &NodeRef) -> bool {
    named(
        node,
        &[
            "a", "b", "strong", "i", "em", "span", "small", "br", "img", "svg",
        ],
    )
}

/// Whether the element is one of these (html5ever lowercases HTML names); cheaper than
/// compiling a selector for each node.
fn named(node: &NodeRef, names: &[&str]) -> bool {
    node.node_name().is_some_and(|name| names.contains(&&*name))
}

/// Links (at least 40% of its text in links), a list, or a short line: what follows a tail
/// heading. A paragraph of text is the article going on.
fn is_tail_block(node: &NodeRef) -> bool {
    let chars = node.normalized_char_count();
    if chars < 120 || named(node, &["ul", "ol"]) {
        return true;
    }
    let links: usize = node
        .find(&["a"])
        .iter()
        .map(NodeRef::normalized_char_count)
        .sum();
    links * 5 >= chars * 2
}

#[cfg(test)]
#[path = "tests/tails.rs"]
mod tests;
