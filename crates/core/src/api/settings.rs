//! Settings and preferences that live in the database.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The person's settings that live in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Minutes between background checks of each feed (servers may ask for longer).
    #[ts(type = "number")]
    pub refresh_interval_minutes: i64,
    /// Read articles older than this are removed (bookmarks never are).
    #[ts(type = "number")]
    pub keep_read_days: i64,
    /// Whether images of articles not kept offline load (always through the app, never from the
    /// webview).
    pub remote_images: RemoteImages,
    /// Keep the images of every new article for offline reading, not only of bookmarked and
    /// saved ones.
    pub keep_all_images: bool,
    /// Show a story that several feeds carry once, with "Also in" naming the others.
    pub merge_stories: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RemoteImages {
    Always,
    OnClick,
    Never,
}

impl RemoteImages {
    pub fn as_str(self) -> &'static str {
        match self {
            RemoteImages::Always => "always",
            RemoteImages::OnClick => "onClick",
            RemoteImages::Never => "never",
        }
    }

    pub fn parse(value: &str) -> Option<RemoteImages> {
        [
            RemoteImages::Always,
            RemoteImages::OnClick,
            RemoteImages::Never,
        ]
        .into_iter()
        .find(|r| r.as_str() == value)
    }
}

/// How the person likes to read: the look of the app and when articles count as read. Kept in
/// the database with everything else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Preferences {
    pub theme: Theme,
    pub density: Density,
    pub reader_font: ReaderFont,
    /// Reader text size in CSS pixels (14 to 28).
    #[ts(type = "number")]
    pub reader_size: i64,
    /// Line height in tenths (13 to 20 is 1.3 to 2.0).
    #[ts(type = "number")]
    pub line_height_tenths: i64,
    /// The reading column's width in characters (50 to 90).
    #[ts(type = "number")]
    pub content_width: i64,
    /// Pane widths in CSS pixels.
    #[ts(type = "number")]
    pub sidebar_width: i64,
    #[ts(type = "number")]
    pub list_width: i64,
    pub mark_read: MarkRead,
    /// For [`MarkRead::AfterDelay`].
    #[ts(type = "number")]
    pub mark_read_delay_secs: i64,
    /// A desktop notification summing up new articles after a background refresh.
    pub notify_new_articles: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            theme: Theme::System,
            density: Density::Comfortable,
            reader_font: ReaderFont::Serif,
            reader_size: 18,
            line_height_tenths: 16,
            content_width: 68,
            sidebar_width: 240,
            list_width: 360,
            mark_read: MarkRead::OnOpen,
            mark_read_delay_secs: 3,
            notify_new_articles: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Theme {
    System,
    Light,
    Dark,
    Sepia,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Density {
    Compact,
    Comfortable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReaderFont {
    Serif,
    Sans,
    System,
}

/// When an opened article counts as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MarkRead {
    OnOpen,
    AfterDelay,
    OnScrollPast,
    Manually,
}
