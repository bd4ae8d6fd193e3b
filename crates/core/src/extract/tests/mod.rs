//! Reader mode on whole pages. Tests of one file's private functions are beside these, declared
//! by that file (body.rs, clutter.rs, dates.rs, decode.rs, guard.rs, tails.rs).

mod corpus;
mod fixture;
mod hostile;
mod named_body;
mod structure;

/// The text of `html`'s body, whitespace collapsed, after `remove` took what it takes.
pub(super) fn text_after(remove: fn(&dom_query::Document), html: &str) -> String {
    let doc = dom_query::Document::from(html);
    remove(&doc);
    doc.select("body")
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
