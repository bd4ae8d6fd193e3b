// The UI's only door to the backend: typed wrappers over Tauri commands and events. Types come
// from Rust via ts-rs (./bindings); components never call `invoke` themselves.
import { invoke } from "@tauri-apps/api/core";
import { listen, TauriEvent, type UnlistenFn } from "@tauri-apps/api/event";
import type { AddFeedOutcome } from "./bindings/AddFeedOutcome";
import type { Article } from "./bindings/Article";
import type { ArticleCursor } from "./bindings/ArticleCursor";
import type { ArticlePage } from "./bindings/ArticlePage";
import type { ArticleView } from "./bindings/ArticleView";
import type { DeletedFolder } from "./bindings/DeletedFolder";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ExportReport } from "./bindings/ExportReport";
import type { ExportSelection } from "./bindings/ExportSelection";
import type { FeedSummary } from "./bindings/FeedSummary";
import type { Folder } from "./bindings/Folder";
import type { ImportReport } from "./bindings/ImportReport";
import type { RefreshProgress } from "./bindings/RefreshProgress";
import type { RefreshScope } from "./bindings/RefreshScope";
import type { KeptImages } from "./bindings/KeptImages";
import type { ListOptions } from "./bindings/ListOptions";
import type { MarkedRead } from "./bindings/MarkedRead";
import type { Preferences } from "./bindings/Preferences";
import type { RefreshSummary } from "./bindings/RefreshSummary";
import type { SaveOutcome } from "./bindings/SaveOutcome";
import type { SearchCursor } from "./bindings/SearchCursor";
import type { SearchQuery } from "./bindings/SearchQuery";
import type { SearchResults } from "./bindings/SearchResults";
import type { Side } from "./bindings/Side";
import type { SubscribeRequest } from "./bindings/SubscribeRequest";
import type { Settings } from "./bindings/Settings";
import type { UserError } from "./bindings/UserError";
import type { ViewCounts } from "./bindings/ViewCounts";
import type { WorkReport } from "./bindings/WorkReport";

export type {
  AddFeedOutcome, Article, ArticleCursor, ArticlePage, ArticleView, ExportFormat, ExportReport, ExportSelection,
  FeedSummary, Folder, ImportReport, KeptImages, RefreshProgress, RefreshScope, RefreshSummary, SaveOutcome,
  Settings, SubscribeRequest, UserError, WorkReport,
};
export type { DeletedFolder, ListOptions, MarkedRead, Preferences, SearchCursor, SearchQuery, SearchResults, Side, ViewCounts };
export type { ArticleSummary } from "./bindings/ArticleSummary";
export type { Density } from "./bindings/Density";
export type { MarkRead } from "./bindings/MarkRead";
export type { ReaderFont } from "./bindings/ReaderFont";
export type { SearchHit } from "./bindings/SearchHit";
export type { SearchScope } from "./bindings/SearchScope";
export type { Theme } from "./bindings/Theme";
export type { Enclosure } from "./bindings/Enclosure";
export type { PendingWork } from "./bindings/PendingWork";
export type { FeedCandidate } from "./bindings/FeedCandidate";
export type { FeedFormat } from "./bindings/FeedFormat";
export type { RejectedOutline } from "./bindings/RejectedOutline";
export type { RemoteImages } from "./bindings/RemoteImages";

export const api = {
  addFeed: (address: string) => invoke<AddFeedOutcome>("add_feed", { address }),
  listFeeds: () => invoke<FeedSummary[]>("list_feeds"),
  removeFeed: (feedId: number) => invoke<void>("remove_feed", { feedId }),
  /** `null` gives the feed back its own title. */
  renameFeed: (feedId: number, title: string | null) => invoke<void>("rename_feed", { feedId, title }),
  /** `null` moves the feed to the top level. */
  moveFeed: (feedId: number, folderId: number | null) => invoke<void>("move_feed", { feedId, folderId }),
  /** Reads each new article's page in full at refresh (for feeds that carry only summaries), and the unread ones stored before. */
  setFullText: (feedId: number, fullText: boolean) => invoke<void>("set_full_text", { feedId, fullText }),
  /** Reads one article's page in full in the background; `work-report` says when it is done. */
  readFullArticle: (id: number) => invoke<void>("read_full_article", { id }),
  /** How many feed articles' pages are still to be read in full. */
  pagesToRead: () => invoke<number>("pages_to_read"),
  /** Stops reading feed articles' pages in full; what was read stays. */
  stopReadingPages: () => invoke<void>("stop_reading_pages"),
  listFolders: () => invoke<Folder[]>("list_folders"),
  /** Returns the new folder's id (or the existing one's, when the name is taken). */
  createFolder: (name: string) => invoke<number>("create_folder", { name }),
  renameFolder: (folderId: number, name: string) => invoke<void>("rename_folder", { folderId, name }),
  /** The folder's feeds move to the top level; `undo` puts it back with them. */
  deleteFolder: (folderId: number) => invoke<DeletedFolder>("delete_folder", { folderId }),
  /** One page of a view, in the order and with the filter of `options`. */
  listArticles: (view: ArticleView, after: ArticleCursor | null = null, options: ListOptions | null = null) =>
    invoke<ArticlePage>("list_articles", { view, after, options }),
  viewCounts: () => invoke<ViewCounts>("view_counts"),
  /** Marks the view's unread articles read (only those dated before `olderThan`, when given). */
  markViewRead: (view: ArticleView, olderThan: number | null = null) =>
    invoke<MarkedRead>("mark_view_read", { view, olderThan }),
  /** Marks the view's unread articles on one side of the row at `at` read, in the list's order. */
  markReadBeside: (view: ArticleView, options: ListOptions, at: ArticleCursor, side: Side) =>
    invoke<MarkedRead>("mark_read_beside", { view, options, at, side }),
  /** Puts back what a `markViewRead`, `markReadBeside` or `deleteFolder` changed; false when it is too old to undo. */
  undo: (undo: number) => invoke<boolean>("undo", { undo }),
  /** A page of results, best first: the first, or the one that follows `after` (the last page's `next`). */
  search: (query: SearchQuery, after: SearchCursor | null = null) => invoke<SearchResults>("search", { query, after }),
  getPreferences: () => invoke<Preferences>("get_preferences"),
  /** Returns what was stored: numbers are kept within their ranges. */
  setPreferences: (preferences: Preferences) => invoke<Preferences>("set_preferences", { preferences }),
  /** `loadImages` when the person asked for the images their setting holds back. */
  getArticle: (id: number, loadImages = false) => invoke<Article>("get_article", { id, loadImages }),
  setRead: (id: number, read: boolean) => invoke<void>("set_read", { id, read }),
  /** Bookmarking keeps the article's pictures offline in the background (`work-report` says how it went). */
  setBookmarked: (id: number, bookmarked: boolean) => invoke<void>("set_bookmarked", { id, bookmarked }),
  /** Saving keeps the article's pictures offline in the background (`work-report` says how it went). */
  setSaved: (id: number, saved: boolean) => invoke<void>("set_saved", { id, saved }),
  /** Saves any page to read later; a page holding no article is kept as a link, with a note why. */
  saveUrl: (address: string) => invoke<SaveOutcome>("save_url", { address }),
  getSettings: () => invoke<Settings>("get_settings"),
  setSettings: (settings: Settings) => invoke<void>("set_settings", { settings }),
  /** Starts a refresh in the background; its progress and end arrive as events. */
  refresh: (scope: RefreshScope) => invoke<void>("refresh", { scope }),
  cancelRefresh: () => invoke<void>("cancel_refresh"),
  /** Asks for a file with the system's dialog; `null` when the person cancelled. */
  importOpml: () => invoke<ImportReport | null>("import_opml"),
  /** Asks where to save with the system's dialog; returns the path, `null` when cancelled. */
  exportOpml: () => invoke<string | null>("export_opml"),
  /** Asks for a folder with the system's dialog and writes the articles there; `null` when cancelled. */
  exportArticles: (selection: ExportSelection, format: ExportFormat) =>
    invoke<ExportReport | null>("export_articles", { selection, format }),
  openInBrowser: (url: string) => invoke<void>("open_in_browser", { url }),
  /** The feed link or file Tidings was started with, once (null when there was none). */
  takeSubscribeRequest: () => invoke<SubscribeRequest | null>("take_subscribe_request"),
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
  /**
   * How work asked for on an article went: its pictures kept for offline reading, put off for
   * want of a network (tried again by itself), a page saved while offline read at last.
   */
  onWorkReport: (handler: (report: WorkReport) => void): Promise<UnlistenFn> =>
    listen<WorkReport>("work-report", (e) => handler(e.payload)),
  /**
   * Something dropped on the window that the window itself took (a link dragged from a browser,
   * as a text/uri-list, never reaches the page's `drop` event while Tauri's drag-and-drop handler
   * is on). Tauri calls each dropped URI a "path".
   */
  onWindowDrop: (handler: (uris: string[]) => void): Promise<UnlistenFn> =>
    listen<{ paths: string[] }>(TauriEvent.DRAG_DROP, (e) => handler(e.payload.paths)),
  /** A feed link or file opened with Tidings while it was already running. */
  onSubscribeRequest: (handler: (request: SubscribeRequest) => void): Promise<UnlistenFn> =>
    listen<SubscribeRequest>("subscribe-request", (e) => handler(e.payload)),
};

/** The sentence to show for a failed command, whatever shape the failure took. */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
