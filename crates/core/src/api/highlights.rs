//! Highlights and notes: passages a person marked in what they read, in a colour, with a note,
//! and a note on a whole article.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ArticleId, TagId};
use crate::Timestamp;

pub type HighlightId = i64;

/// The four colours a highlight can have; each theme draws them so that text stays readable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum HighlightColor {
    #[default]
    Yellow,
    Green,
    Blue,
    Pink,
}

impl HighlightColor {
    pub const ALL: [HighlightColor; 4] = [
        HighlightColor::Yellow,
        HighlightColor::Green,
        HighlightColor::Blue,
        HighlightColor::Pink,
    ];

    /// How it is stored, and spelled on the command line.
    pub fn code(self) -> &'static str {
        match self {
            HighlightColor::Yellow => "yellow",
            HighlightColor::Green => "green",
            HighlightColor::Blue => "blue",
            HighlightColor::Pink => "pink",
        }
    }

    pub fn from_code(code: &str) -> Option<HighlightColor> {
        HighlightColor::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A passage just selected in the reader, to highlight: where it is in the article's text
/// (UTF-16 units, as the page counts them) and the words the page showed there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewHighlight {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub start: u32,
    pub end: u32,
    /// The selected words as the page has them: checked against the article's text.
    pub quote: String,
    pub color: HighlightColor,
}

/// Where a highlight is in the article's text as it is now (UTF-16 units).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TextSpan {
    pub start: u32,
    pub end: u32,
}

/// A highlight on an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Highlight {
    #[ts(type = "number")]
    pub id: HighlightId,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    /// The words as they were highlighted.
    pub quote: String,
    pub color: HighlightColor,
    /// Plain text; empty when there is none.
    pub note: String,
    #[ts(type = "number")]
    pub created_at: Timestamp,
    /// Where it is in the article now; `None` when its words are no longer there.
    pub span: Option<TextSpan>,
}

/// An article's highlights, in the order they come in its text (those no longer there last),
/// and its own note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ArticleHighlights {
    pub highlights: Vec<Highlight>,
    /// The note on the whole article; empty when there is none.
    pub note: String,
}

/// A change to a highlight: its colour, its note, or both.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HighlightChange {
    pub color: Option<HighlightColor>,
    /// The new note; an empty one removes it.
    pub note: Option<String>,
}

/// Which highlights the Highlights view lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HighlightFilter {
    pub color: Option<HighlightColor>,
    /// Only on articles carrying this tag.
    #[ts(type = "number | null")]
    pub tag_id: Option<TagId>,
    /// Words to find in the highlighted text or the notes (the search index's syntax).
    pub text: String,
    /// Only those made before this highlight (the next page).
    #[ts(type = "number | null")]
    pub before: Option<HighlightId>,
}

/// A highlight in the Highlights view, with its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HighlightEntry {
    #[ts(type = "number")]
    pub id: HighlightId,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub article_title: String,
    /// The feed's name, or the site of a saved page.
    pub source: String,
    pub quote: String,
    pub color: HighlightColor,
    pub note: String,
    #[ts(type = "number")]
    pub created_at: Timestamp,
}

/// A page of the Highlights view, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HighlightPage {
    pub highlights: Vec<HighlightEntry>,
    /// Where the next page starts, when there is one.
    #[ts(type = "number | null")]
    pub next: Option<HighlightId>,
}
