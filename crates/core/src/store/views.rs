//! What each view (All, Unread, Today, a folder, a feed…) selects, as one SQL condition shared
//! by listing, counting and marking read.

use rusqlite::ToSql;

use crate::Timestamp;
use crate::api::ArticleView;

/// A condition on `articles a`, and its arguments (numbered from `first`).
pub(super) struct ViewFilter {
    pub sql: String,
    pub args: Vec<Box<dyn ToSql>>,
}

/// `today` is when the person's day began.
pub(super) fn view_filter(view: ArticleView, today: Timestamp, first: usize) -> ViewFilter {
    let n = first;
    let (sql, arg): (String, Option<i64>) = match view {
        ArticleView::All => ("1".to_string(), None),
        ArticleView::Unread => ("a.is_read = 0".to_string(), None),
        // Today's unread articles, as the count beside it counts them.
        ArticleView::Today => (format!("a.is_read = 0 AND a.sort_at >= ?{n}"), Some(today)),
        ArticleView::Bookmarks => ("a.is_bookmarked = 1".to_string(), None),
        ArticleView::Saved => ("a.is_saved = 1".to_string(), None),
        ArticleView::Folder { folder_id } => (
            format!("a.feed_id IN (SELECT id FROM feeds WHERE folder_id = ?{n})"),
            Some(folder_id),
        ),
        ArticleView::Feed { feed_id } => (format!("a.feed_id = ?{n}"), Some(feed_id)),
        ArticleView::Tag { tag_id } => (
            format!("a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ?{n})"),
            Some(tag_id),
        ),
    };
    // A muted article (a rule's doing) is in no list but those a person fills by hand
    // (Bookmarks, Saved); search still finds it.
    let sql = match view {
        ArticleView::Bookmarks | ArticleView::Saved => sql,
        _ => format!("a.is_muted = 0 AND {sql}"),
    };
    // A copy of a story (stories.rs), read, is not listed where the story's first article is:
    // the story shows once. Its feed's list shows it; so does any list once the first is gone.
    let first_listed = |place: &str| {
        format!(
            "(a.story_id IS NULL OR a.is_read = 0 OR NOT EXISTS (
                 SELECT 1 FROM articles l WHERE l.id = a.story_id{place}))"
        )
    };
    let sql = match view {
        ArticleView::All => format!("{} AND {sql}", first_listed("")),
        ArticleView::Folder { .. } => format!(
            "{} AND {sql}",
            first_listed(&format!(
                " AND l.feed_id IN (SELECT id FROM feeds WHERE folder_id = ?{n})"
            ))
        ),
        _ => sql,
    };
    ViewFilter {
        sql,
        args: arg
            .map(|a| Box::new(a) as Box<dyn ToSql>)
            .into_iter()
            .collect(),
    }
}

/// When today began, local time, as Unix seconds.
pub fn start_of_today() -> Timestamp {
    let now = chrono::Local::now();
    now.date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|midnight| midnight.and_local_timezone(chrono::Local).earliest())
        .map_or_else(|| now.timestamp() - 86_400, |t| t.timestamp())
}
