//! What an export covers, in which format, and what it wrote.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ArticleId;

/// Which articles an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportSelection {
    One(#[ts(type = "number")] ArticleId),
    Bookmarks,
    Saved,
    /// Bookmarked and saved articles, each written once even when it is both.
    BookmarksAndSaved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    Markdown,
    Html,
}

impl ExportFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = crate::Error;

    /// Accepts what a person would type: `md`, `markdown`, `html`, `htm`.
    fn from_str(name: &str) -> crate::Result<ExportFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(ExportFormat::Markdown),
            "html" | "htm" => Ok(ExportFormat::Html),
            other => Err(crate::Error::Invalid(format!(
                "unknown export format \"{other}\" (use md or html)"
            ))),
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportReport {
    /// Every file written, in the order of the selection.
    #[ts(type = "string[]")]
    pub written: Vec<PathBuf>,
    /// Images an HTML export could not inline because they were never kept offline (each
    /// address counted once per file). Always 0 for Markdown, which links to the originals.
    #[ts(type = "number")]
    pub missing_images: u64,
}
