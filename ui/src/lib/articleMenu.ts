// The menu of an article — right-click on its row or in the reader, or the keyboard's menu key —
// and which rows "mark above" and "mark below" take.
import type { ArticleCursor, ArticleSummary, Side } from "./api";
import type { MenuSection } from "./menu";

export interface ArticleActions {
  setRead: (read: boolean) => void;
  markBeside: (side: Side) => void;
  setBookmarked: (bookmarked: boolean) => void;
  setSaved: (saved: boolean) => void;
  editTags: () => void;
  openInBrowser: () => void;
  copyLink: () => void;
  exportArticle: () => void;
}

/** `inView`: the article is a row of a view (not a search result), so above and below mean something. */
export function articleMenu(article: ArticleSummary, inView: boolean, act: ArticleActions): MenuSection[] {
  const sections: MenuSection[] = [
    {
      items: [
        article.isRead
          ? { label: "Mark unread", run: () => act.setRead(false) }
          : { label: "Mark read", run: () => act.setRead(true) },
        ...(inView
          ? [
            { label: "Mark above read", run: () => act.markBeside("above") },
            { label: "Mark below read", run: () => act.markBeside("below") },
          ]
          : []),
      ],
    },
    {
      items: [
        article.isBookmarked
          ? { label: "Remove bookmark", run: () => act.setBookmarked(false) }
          : { label: "Bookmark", run: () => act.setBookmarked(true) },
        article.isSaved
          ? { label: "Remove from Saved", run: () => act.setSaved(false) }
          : { label: "Save for later", run: () => act.setSaved(true) },
        { label: "Tags…", run: act.editTags },
      ],
    },
  ];
  if (article.url) {
    sections.push({
      items: [
        { label: "Open in browser", run: act.openInBrowser },
        { label: "Copy link", run: act.copyLink },
      ],
    });
  }
  sections.push({ items: [{ label: "Export…", run: act.exportArticle }] });
  return sections;
}

/**
 * Whether `row` shows on `side` of the row at `at` in a list sorted by date then id, newest first
 * unless `oldestFirst` (as the backend sorts and marks them: crates/core/src/store/articles.rs).
 */
export function isBeside(row: Pick<ArticleSummary, "sortAt" | "id">, at: ArticleCursor, side: Side, oldestFirst: boolean): boolean {
  if (row.sortAt === at.sortAt && row.id === at.id) return false;
  const newer = row.sortAt === at.sortAt ? row.id > at.id : row.sortAt > at.sortAt;
  return newer === ((side === "above") !== oldestFirst);
}
