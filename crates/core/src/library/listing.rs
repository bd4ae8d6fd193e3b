//! The article list: pages of a view (from a cursor, or from a place a person jumped to), the
//! smart views' counts, and marking many articles read at once (undoable for a while).

use super::{Library, PAGE_SIZE, undo};
use crate::Result;
use crate::api::{
    ArticleCursor, ArticleId, ArticlePage, ArticleView, ListOptions, MarkedRead, Side, ViewCounts,
};
use crate::store::ArticleQuery;

impl Library {
    /// One page of a view, newest first.
    pub async fn list_articles(
        &self,
        view: ArticleView,
        after: Option<ArticleCursor>,
    ) -> Result<ArticlePage> {
        self.list_articles_with(view, after, ListOptions::default())
            .await
    }

    /// One page of a view, in the order and with the filter the person chose.
    pub async fn list_articles_with(
        &self,
        view: ArticleView,
        after: Option<ArticleCursor>,
        options: ListOptions,
    ) -> Result<ArticlePage> {
        let query = ArticleQuery {
            view,
            after,
            limit: PAGE_SIZE,
            options,
        };
        self.blocking(move |s| s.list_articles(&query)).await
    }

    /// The page of a view that starts with its `index`th article (0 the first): where a person
    /// jumped to, far from the rows loaded.
    pub async fn list_articles_at(
        &self,
        view: ArticleView,
        index: u32,
        options: ListOptions,
    ) -> Result<ArticlePage> {
        let query = ArticleQuery {
            view,
            after: None,
            limit: PAGE_SIZE,
            options,
        };
        self.blocking(move |s| s.list_articles_skipping(&query, index))
            .await
    }

    /// Counts for the smart views.
    pub async fn view_counts(&self) -> Result<ViewCounts> {
        self.blocking(|s| s.view_counts()).await
    }

    /// Marks every unread article of a view read (or only those older than `older_than`). The
    /// answer carries a token that undoes exactly this, for a while.
    pub async fn mark_view_read(
        &self,
        view: ArticleView,
        older_than: Option<crate::Timestamp>,
    ) -> Result<MarkedRead> {
        let ids = self
            .blocking(move |s| s.mark_view_read(view, older_than))
            .await?;
        Ok(self.marked(ids))
    }

    /// Marks read the unread articles of a view on one `side` of the row at `at`, in the order
    /// `options` gives the list ("mark above read", "mark below read"). The answer carries a
    /// token that undoes exactly this, for a while.
    pub async fn mark_read_beside(
        &self,
        view: ArticleView,
        options: ListOptions,
        at: ArticleCursor,
        side: Side,
    ) -> Result<MarkedRead> {
        let ids = self
            .blocking(move |s| s.mark_read_beside(view, options, at, side))
            .await?;
        Ok(self.marked(ids))
    }

    fn marked(&self, ids: Vec<ArticleId>) -> MarkedRead {
        self.outbox_may_have_changed();
        let count = ids.len() as u64;
        let undo = self.undo.remember(undo::Undoable::MarkedRead(ids));
        MarkedRead { count, undo }
    }
}
