// The UI's only door to the backend: the commands' typed wrappers (generated from their Rust
// declarations into ./bindings/commands.ts) and core's events. Types come from Rust via ts-rs
// (./bindings); components never call `invoke` themselves.
import { listen, TauriEvent, type UnlistenFn } from "@tauri-apps/api/event";
import * as commands from "./bindings/commands";
import type { Account } from "./bindings/Account";
import type { AccountKind } from "./bindings/AccountKind";
import type { AddFeedOutcome } from "./bindings/AddFeedOutcome";
import type { AppEvent } from "./bindings/AppEvent";
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
import type { LaunchRequest } from "./bindings/LaunchRequest";
import type { ListOptions } from "./bindings/ListOptions";
import type { MarkedRead } from "./bindings/MarkedRead";
import type { Preferences } from "./bindings/Preferences";
import type { RefreshSummary } from "./bindings/RefreshSummary";
import type { SaveOutcome } from "./bindings/SaveOutcome";
import type { SearchCursor } from "./bindings/SearchCursor";
import type { SearchQuery } from "./bindings/SearchQuery";
import type { SearchResults } from "./bindings/SearchResults";
import type { NewAccount } from "./bindings/NewAccount";
import type { Side } from "./bindings/Side";
import type { SyncSummary } from "./bindings/SyncSummary";
import type { Tag } from "./bindings/Tag";
import type { KeptSearch } from "./bindings/KeptSearch";
import type { FeedSettings } from "./bindings/FeedSettings";
import type { SavedSearch } from "./bindings/SavedSearch";
import type { Rule } from "./bindings/Rule";
import type { RulePreview } from "./bindings/RulePreview";
import type { RuleSaved } from "./bindings/RuleSaved";
import type { StoredRule } from "./bindings/StoredRule";
import type { Settings } from "./bindings/Settings";
import type { UserError } from "./bindings/UserError";
import type { ViewCounts } from "./bindings/ViewCounts";
import type { WorkReport } from "./bindings/WorkReport";

export type {
  AddFeedOutcome, Article, ArticleCursor, ArticlePage, ArticleView, ExportFormat, ExportReport, ExportSelection,
  FeedSummary, Folder, ImportReport, KeptImages, LaunchRequest, RefreshProgress, RefreshScope, RefreshSummary, SaveOutcome,
  Settings, UserError, WorkReport,
};
export type { Account, AccountKind, NewAccount, SyncSummary, Tag };
export type { FeedSettings, KeptSearch, SavedSearch };
export type { Rule, RulePreview, RuleSaved, StoredRule };
export type { RuleField } from "./bindings/RuleField";
export type { DeletedFolder, ListOptions, MarkedRead, Preferences, SearchCursor, SearchQuery, SearchResults, Side, ViewCounts };
export type { AccountAbilities } from "./bindings/AccountAbilities";
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
export type { ArticleHighlights } from "./bindings/ArticleHighlights";
export type { Highlight } from "./bindings/Highlight";
export type { HighlightColor } from "./bindings/HighlightColor";
export type { HighlightEntry } from "./bindings/HighlightEntry";
export type { HighlightFilter } from "./bindings/HighlightFilter";

export const api = {
  addFeed: commands.addFeed,
  listFeeds: commands.listFeeds,
  removeFeed: commands.removeFeed,
  renameFeed: commands.renameFeed,
  moveFeed: commands.moveFeed,
  setFullText: commands.setFullText,
  setFeedSettings: commands.setFeedSettings,
  readFullArticle: commands.readFullArticle,
  pagesToRead: commands.pagesToRead,
  stopReadingPages: commands.stopReadingPages,
  listFolders: commands.listFolders,
  createFolder: commands.createFolder,
  renameFolder: commands.renameFolder,
  deleteFolder: commands.deleteFolder,
  listArticles: commands.listArticles,
  listArticlesAt: commands.listArticlesAt,
  viewCounts: commands.viewCounts,
  markViewRead: commands.markViewRead,
  markReadBeside: commands.markReadBeside,
  undo: commands.undo,
  search: commands.search,
  getPreferences: commands.getPreferences,
  setPreferences: commands.setPreferences,
  getArticle: (id: number, loadImages = false) => commands.getArticle(id, loadImages),
  setRead: commands.setRead,
  setBookmarked: commands.setBookmarked,
  setSaved: commands.setSaved,
  listTags: commands.listTags,
  listRules: commands.listRules,
  previewRule: commands.previewRule,
  saveRule: commands.saveRule,
  removeRule: commands.removeRule,
  exportRules: commands.exportRules,
  importRules: commands.importRules,
  tagArticle: commands.tagArticle,
  untagArticle: commands.untagArticle,
  articleHighlights: commands.articleHighlights,
  addHighlight: commands.addHighlight,
  changeHighlight: commands.changeHighlight,
  removeHighlight: commands.removeHighlight,
  setArticleNote: commands.setArticleNote,
  listHighlights: commands.listHighlights,
  exportHighlights: commands.exportHighlights,
  listSavedSearches: commands.listSavedSearches,
  saveSearch: commands.saveSearch,
  renameSavedSearch: commands.renameSavedSearch,
  removeSavedSearch: commands.removeSavedSearch,
  saveUrl: commands.saveUrl,
  getSettings: commands.getSettings,
  setSettings: commands.setSettings,
  refresh: commands.refresh,
  cancelRefresh: commands.cancelRefresh,
  importOpml: commands.importOpml,
  exportOpml: commands.exportOpml,
  exportArticles: commands.exportArticles,
  openInBrowser: commands.openInBrowser,
  takeLaunchRequest: commands.takeLaunchRequest,
  listAccounts: commands.listAccounts,
  addAccount: commands.addAccount,
  removeAccount: commands.removeAccount,
  syncAccount: commands.syncAccount,
  setAccountPassword: commands.setAccountPassword,
  subscribeOnAccount: commands.subscribeOnAccount,
};

type Details<K extends AppEvent["kind"]> = Extract<AppEvent, { kind: K }>["details"];

/** Calls `handler` with the details of each of core's events of this kind. */
function on<K extends AppEvent["kind"]>(kind: K, handler: (details: Details<K>) => void): Promise<UnlistenFn> {
  return listen<AppEvent>(commands.APP_EVENT, (e) => {
    if (e.payload.kind === kind) handler(e.payload.details as Details<K>);
  });
}

export const events = {
  onRefreshProgress: (handler: (p: RefreshProgress) => void) => on("refreshProgress", handler),
  onRefreshFinished: (handler: (s: RefreshSummary) => void) => on("refreshFinished", handler),
  onRefreshFailed: (handler: (e: UserError) => void) => on("refreshFailed", handler),
  onImportProgress: (handler: (done: number, total: number) => void) =>
    on("importProgress", ({ done, total }) => handler(done, total)),
  /**
   * How work asked for on an article went: its pictures kept for offline reading, put off for
   * want of a network (tried again by itself), a page saved while offline read at last.
   */
  onWorkReport: (handler: (report: WorkReport) => void) => on("workReport", handler),
  /**
   * Something dropped on the window that the window itself took (a link dragged from a browser,
   * as a text/uri-list, never reaches the page's `drop` event while Tauri's drag-and-drop handler
   * is on). Tauri calls each dropped URI a "path".
   */
  onWindowDrop: (handler: (uris: string[]) => void): Promise<UnlistenFn> =>
    listen<{ paths: string[] }>(TauriEvent.DRAG_DROP, (e) => handler(e.payload.paths)),
  /** Feeds got their icons (looked for by the backend after a refresh, a sync or a subscription). */
  onFeedIconsChanged: (handler: () => void) => on("feedIconsChanged", () => handler()),
  /** A feed link or file, or an article's link, opened with Tidings while it was running. */
  onLaunchRequest: (handler: (request: LaunchRequest) => void) => on("launchRequest", handler),
  /** One sync of one account ended, whoever asked for it: what it sent, refused and brought. */
  onSyncFinished: (handler: (summary: SyncSummary) => void) => on("syncFinished", handler),
};

/** The sentence to show for a failed command, whatever shape the failure took. */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
