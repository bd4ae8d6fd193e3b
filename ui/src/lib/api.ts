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
import type { Folder } from "./bindings/Folder";
import type { ImportReport } from "./bindings/ImportReport";
import type { RefreshProgress } from "./bindings/RefreshProgress";
import type { RefreshScope } from "./bindings/RefreshScope";
import type { RefreshSummary } from "./bindings/RefreshSummary";
import type { Settings } from "./bindings/Settings";
import type { UserError } from "./bindings/UserError";

export type {
  AddFeedOutcome, Article, ArticleCursor, ArticlePage, ArticleView, FeedSummary, Folder, ImportReport,
  RefreshProgress, RefreshScope, RefreshSummary, Settings, UserError,
};
export type { ArticleSummary } from "./bindings/ArticleSummary";
export type { FeedCandidate } from "./bindings/FeedCandidate";
export type { FeedFormat } from "./bindings/FeedFormat";
export type { RejectedOutline } from "./bindings/RejectedOutline";

export const api = {
  addFeed: (address: string) => invoke<AddFeedOutcome>("add_feed", { address }),
  listFeeds: () => invoke<FeedSummary[]>("list_feeds"),
  removeFeed: (feedId: number) => invoke<void>("remove_feed", { feedId }),
  /** `null` gives the feed back its own title. */
  renameFeed: (feedId: number, title: string | null) => invoke<void>("rename_feed", { feedId, title }),
  /** `null` moves the feed to the top level. */
  moveFeed: (feedId: number, folderId: number | null) => invoke<void>("move_feed", { feedId, folderId }),
  listFolders: () => invoke<Folder[]>("list_folders"),
  /** Returns the new folder's id (or the existing one's, when the name is taken). */
  createFolder: (name: string) => invoke<number>("create_folder", { name }),
  renameFolder: (folderId: number, name: string) => invoke<void>("rename_folder", { folderId, name }),
  /** The folder's feeds move to the top level. */
  deleteFolder: (folderId: number) => invoke<void>("delete_folder", { folderId }),
  listArticles: (view: ArticleView, after: ArticleCursor | null = null) =>
    invoke<ArticlePage>("list_articles", { view, after }),
  getArticle: (id: number, loadImages = false) => invoke<Article>("get_article", { id, loadImages }),
  setRead: (id: number, read: boolean) => invoke<void>("set_read", { id, read }),
  setBookmarked: (id: number, bookmarked: boolean) => invoke<void>("set_bookmarked", { id, bookmarked }),
  getSettings: () => invoke<Settings>("get_settings"),
  setSettings: (settings: Settings) => invoke<void>("set_settings", { settings }),
  /** Starts a refresh in the background; its progress and end arrive as events. */
  refresh: (scope: RefreshScope) => invoke<void>("refresh", { scope }),
  cancelRefresh: () => invoke<void>("cancel_refresh"),
  /** Asks for a file with the system's dialog; `null` when the person cancelled. */
  importOpml: () => invoke<ImportReport | null>("import_opml"),
  /** Asks where to save with the system's dialog; returns the path, `null` when cancelled. */
  exportOpml: () => invoke<string | null>("export_opml"),
  openInBrowser: (url: string) => invoke<void>("open_in_browser", { url }),
};

export const events = {
  onRefreshProgress: (handler: (p: RefreshProgress) => void): Promise<UnlistenFn> =>
    listen<RefreshProgress>("refresh-progress", (e) => handler(e.payload)),
  onRefreshFinished: (handler: (s: RefreshSummary) => void): Promise<UnlistenFn> =>
    listen<RefreshSummary>("refresh-finished", (e) => handler(e.payload)),
  onRefreshFailed: (handler: (e: UserError) => void): Promise<UnlistenFn> =>
    listen<UserError>("refresh-failed", (e) => handler(e.payload)),
  onImportProgress: (handler: (done: number, total: number) => void): Promise<UnlistenFn> =>
    listen<[number, number]>("import-progress", (e) => handler(e.payload[0], e.payload[1])),
};

/** The sentence to show for a failed command, whatever shape the failure took. */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
