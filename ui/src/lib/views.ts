// Views (Today, Unread, a folder, a feed…): their names, counts and how each one is sorted and
// filtered. Pure, so it is tested without a window.
import type { ArticleView, FeedSummary, Folder, ListOptions, Tag, ViewCounts } from "./api";
import type { Command } from "./keys";

/** Whether two views show the same articles. */
export function sameView(a: ArticleView, b: ArticleView): boolean {
  switch (a.kind) {
    case "feed": return b.kind === "feed" && b.feedId === a.feedId;
    case "folder": return b.kind === "folder" && b.folderId === a.folderId;
    case "tag": return b.kind === "tag" && b.tagId === a.tagId;
    default: return b.kind === a.kind;
  }
}

/** What a number beside a view, folder or feed counts: its unread articles, every article it holds, or (Highlights) its highlights. */
export type Counted = "unread" | "bookmarked" | "saved" | "highlights";

/** What the number beside a row means, in words: "3 unread articles", "1 bookmarked article", "2 highlights". */
export function countText(count: number, counted: Counted, capped = false): string {
  if (counted === "highlights") return `${count} highlight${count === 1 ? "" : "s"}`;
  return capped ? `At least ${count} ${counted} articles` : `${count} ${counted} article${count === 1 ? "" : "s"}`;
}

export interface SmartView {
  view: ArticleView;
  label: string;
  glyph: string;
  /** The count shown beside it, and what it counts. */
  count: (counts: ViewCounts) => number;
  counted: Counted;
  /** The shortcut that jumps to it, if any. */
  jump?: Command;
}

export const SMART_VIEWS: readonly SmartView[] = [
  { view: { kind: "today" }, label: "Today", glyph: "☀", count: (c) => c.todayUnread, counted: "unread" },
  { view: { kind: "unread" }, label: "Unread", glyph: "●", count: (c) => c.unread, counted: "unread", jump: "goUnread" },
  { view: { kind: "all" }, label: "All articles", glyph: "≡", count: () => 0, counted: "unread", jump: "goAll" },
  { view: { kind: "bookmarks" }, label: "Bookmarks", glyph: "★", count: (c) => c.bookmarks, counted: "bookmarked", jump: "goBookmarks" },
  { view: { kind: "saved" }, label: "Saved", glyph: "⤓", count: (c) => c.saved, counted: "saved" },
];

export const NO_COUNTS: ViewCounts = { unread: 0, todayUnread: 0, bookmarks: 0, saved: 0, highlights: 0 };

/** The view's name, as its list heading shows it. */
export function viewTitle(view: ArticleView, feeds: readonly FeedSummary[], folders: readonly Folder[], tags: readonly Tag[]): string {
  switch (view.kind) {
    case "folder": return folders.find((f) => f.id === view.folderId)?.name ?? "Folder";
    case "feed": return feeds.find((f) => f.id === view.feedId)?.title ?? "Feed";
    case "tag": return tags.find((t) => t.id === view.tagId)?.name ?? "Tag";
    default: return SMART_VIEWS.find((s) => s.view.kind === view.kind)?.label ?? "Articles";
  }
}

/** A stable name for a view, to remember its options by. */
export function viewKey(view: ArticleView): string {
  switch (view.kind) {
    case "feed": return `feed:${view.feedId}`;
    case "folder": return `folder:${view.folderId}`;
    case "tag": return `tag:${view.tagId}`;
    default: return view.kind;
  }
}

export const DEFAULT_OPTIONS: ListOptions = { oldestFirst: false, unreadOnly: false };

/** Each view's sort and filter, as remembered; anything unreadable counts as the defaults. */
export function parseViewOptions(stored: string | null): Record<string, ListOptions> {
  try {
    const value: unknown = JSON.parse(stored ?? "{}");
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    const options: Record<string, ListOptions> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== "object" || entry === null) continue;
      const { oldestFirst, unreadOnly } = entry as Record<string, unknown>;
      options[key] = { oldestFirst: oldestFirst === true, unreadOnly: unreadOnly === true };
    }
    return options;
  } catch {
    return {};
  }
}

/** Today and Unread list only unread articles (as their counts count them). */
export function holdsOnlyUnread(view: ArticleView): boolean {
  return view.kind === "unread" || view.kind === "today";
}

/** The options of a view. "Unread only" means nothing in a view that holds only unread ones. */
export function optionsFor(all: Record<string, ListOptions>, view: ArticleView): ListOptions {
  const options = all[viewKey(view)] ?? DEFAULT_OPTIONS;
  return holdsOnlyUnread(view) ? { ...options, unreadOnly: false } : options;
}

/** Seconds before now for "Mark older than a day / a week read". */
export const OLDER_THAN = { day: 86_400, week: 7 * 86_400 } as const;

/**
 * Nothing to read yet: no feeds, no saved pages, no bookmarks, no tagged articles (the first-run
 * page shows instead of the reader). A feed, folder or tag chosen is never that: it was just emptied, or is being read.
 */
export function nothingToRead(feeds: readonly FeedSummary[], tags: readonly Tag[], listed: number, counts: ViewCounts,
  view: ArticleView): boolean {
  return feeds.length === 0 && tags.length === 0 && listed === 0 && counts.saved === 0 && counts.bookmarks === 0
    && view.kind !== "feed" && view.kind !== "folder" && view.kind !== "tag";
}
