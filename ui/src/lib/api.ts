// The UI's only door to the backend: typed wrappers over Tauri commands and events. Types come
// from Rust via ts-rs (./bindings); components never call `invoke` themselves.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AddFeedOutcome } from "./bindings/AddFeedOutcome";
import type { Article } from "./bindings/Article";
import type { ArticleCursor } from "./bindings/ArticleCursor";
import type { ArticlePage } from "./bindings/ArticlePage";
import type { ArticleView } from "./bindings/ArticleView";
import type { FeedSummary } from "./bindings/FeedSummary";
import type { RefreshProgress } from "./bindings/RefreshProgress";
import type { RefreshScope } from "./bindings/RefreshScope";
import type { RefreshSummary } from "./bindings/RefreshSummary";
import type { UserError } from "./bindings/UserError";

export type { AddFeedOutcome, Article, ArticleCursor, ArticlePage, ArticleView, FeedSummary, RefreshProgress, RefreshSummary, UserError };
export type { ArticleSummary } from "./bindings/ArticleSummary";

export const api = {
  addFeed: (address: string) => invoke<AddFeedOutcome>("add_feed", { address }),
  listFeeds: () => invoke<FeedSummary[]>("list_feeds"),
  removeFeed: (feedId: number) => invoke<void>("remove_feed", { feedId }),
  listArticles: (view: ArticleView, after: ArticleCursor | null = null) =>
    invoke<ArticlePage>("list_articles", { view, after }),
  getArticle: (id: number) => invoke<Article>("get_article", { id }),
  setRead: (id: number, read: boolean) => invoke<void>("set_read", { id, read }),
  setBookmarked: (id: number, bookmarked: boolean) => invoke<void>("set_bookmarked", { id, bookmarked }),
  refresh: (scope: RefreshScope) => invoke<void>("refresh", { scope }),
  cancelRefresh: () => invoke<void>("cancel_refresh"),
  openInBrowser: (url: string) => invoke<void>("open_in_browser", { url }),
};

export const events = {
  onRefreshProgress: (handler: (p: RefreshProgress) => void): Promise<UnlistenFn> =>
    listen<RefreshProgress>("refresh-progress", (e) => handler(e.payload)),
  onRefreshFinished: (handler: (s: RefreshSummary) => void): Promise<UnlistenFn> =>
    listen<RefreshSummary>("refresh-finished", (e) => handler(e.payload)),
  onRefreshFailed: (handler: (e: UserError) => void): Promise<UnlistenFn> =>
    listen<UserError>("refresh-failed", (e) => handler(e.payload)),
};

/** The sentence to show for a failed command, whatever shape the failure took. */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
