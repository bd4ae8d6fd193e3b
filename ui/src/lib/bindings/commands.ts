// Written by `cargo test -p tidings --lib` from src-tauri/src/commands.rs: one typed wrapper per command. Do not edit.
import { invoke } from "@tauri-apps/api/core";
import type { Account } from "./Account";
import type { AddFeedOutcome } from "./AddFeedOutcome";
import type { Article } from "./Article";
import type { ArticleCursor } from "./ArticleCursor";
import type { ArticleHighlights } from "./ArticleHighlights";
import type { ArticlePage } from "./ArticlePage";
import type { ArticleView } from "./ArticleView";
import type { DeletedFolder } from "./DeletedFolder";
import type { ExportFormat } from "./ExportFormat";
import type { ExportReport } from "./ExportReport";
import type { ExportSelection } from "./ExportSelection";
import type { FeedSettings } from "./FeedSettings";
import type { FeedSummary } from "./FeedSummary";
import type { Folder } from "./Folder";
import type { Highlight } from "./Highlight";
import type { HighlightChange } from "./HighlightChange";
import type { HighlightFilter } from "./HighlightFilter";
import type { HighlightPage } from "./HighlightPage";
import type { ImportReport } from "./ImportReport";
import type { KeptSearch } from "./KeptSearch";
import type { LaunchRequest } from "./LaunchRequest";
import type { ListOptions } from "./ListOptions";
import type { MarkedRead } from "./MarkedRead";
import type { NewAccount } from "./NewAccount";
import type { NewHighlight } from "./NewHighlight";
import type { Preferences } from "./Preferences";
import type { RecoveryAction } from "./RecoveryAction";
import type { RecoveryReport } from "./RecoveryReport";
import type { RefreshScope } from "./RefreshScope";
import type { Rule } from "./Rule";
import type { RulePreview } from "./RulePreview";
import type { RuleSaved } from "./RuleSaved";
import type { SaveOutcome } from "./SaveOutcome";
import type { SavedSearch } from "./SavedSearch";
import type { SearchCursor } from "./SearchCursor";
import type { SearchQuery } from "./SearchQuery";
import type { SearchResults } from "./SearchResults";
import type { Settings } from "./Settings";
import type { Side } from "./Side";
import type { StartupProblem } from "./StartupProblem";
import type { StoredRule } from "./StoredRule";
import type { SyncSummary } from "./SyncSummary";
import type { Tag } from "./Tag";
import type { ViewCounts } from "./ViewCounts";

/** The one Tauri event that carries every `AppEvent`. */
export const APP_EVENT = "app-event";

/** Adds a feed by its address, or by its site's (the feeds it advertises). */
export const addFeed = (address: string): Promise<AddFeedOutcome> =>
  invoke<AddFeedOutcome>("add_feed", { address });

export const listFeeds = (): Promise<Array<FeedSummary>> =>
  invoke<Array<FeedSummary>>("list_feeds");

export const removeFeed = (feedId: number): Promise<void> =>
  invoke<void>("remove_feed", { feedId });

/** `null` gives the feed back its own title. */
export const renameFeed = (feedId: number, title?: string | null): Promise<void> =>
  invoke<void>("rename_feed", { feedId, title: title ?? null });

/** `null` moves the feed to the top level. */
export const moveFeed = (feedId: number, folderId?: number | null): Promise<void> =>
  invoke<void>("move_feed", { feedId, folderId: folderId ?? null });

/** Reads each new article's page in full at refresh (for feeds that carry only summaries), and the unread ones stored before. */
export const setFullText = (feedId: number, fullText: boolean): Promise<void> =>
  invoke<void>("set_full_text", { feedId, fullText });

/** A feed's own interval, notification, pictures and reading in full (*Feed details*). */
export const setFeedSettings = (feedId: number, settings: FeedSettings): Promise<void> =>
  invoke<void>("set_feed_settings", { feedId, settings });

/** Reads one article's page in full in the background; a work report says when it is done. */
export const readFullArticle = (id: number): Promise<void> =>
  invoke<void>("read_full_article", { id });

/** How many feed articles' pages are still to be read in full. */
export const pagesToRead = (): Promise<number> =>
  invoke<number>("pages_to_read");

/** Stops reading feed articles' pages in full; what was read stays. */
export const stopReadingPages = (): Promise<void> =>
  invoke<void>("stop_reading_pages");

export const listFolders = (): Promise<Array<Folder>> =>
  invoke<Array<Folder>>("list_folders");

/** Every account, the library on this computer first. */
export const listAccounts = (): Promise<Array<Account>> =>
  invoke<Array<Account>>("list_accounts");

/** Checks the login with the server, keeps the password in the system's keychain, adds the account. Sync it next. */
export const addAccount = (account: NewAccount): Promise<Account> =>
  invoke<Account>("add_account", { account });

/** Removes the account and its feeds; its bookmarked articles stay. */
export const removeAccount = (accountId: number): Promise<void> =>
  invoke<void>("remove_account", { accountId });

/** Sends the changes made here and fetches what is new; the summary says what it did. */
export const syncAccount = (accountId: number): Promise<SyncSummary> =>
  invoke<SyncSummary>("sync_account", { accountId });

/** Keeps the account's password in place of the one before once its server takes it (a wrong one is refused, and nothing changes). Sync it next. */
export const setAccountPassword = (accountId: number, password: string): Promise<Account> =>
  invoke<Account>("set_account_password", { accountId, password });

/** Subscribes an account on a feed service to the feed at `address`, on its server, then syncs it so that the feed comes with its articles. */
export const subscribeOnAccount = (accountId: number, address: string): Promise<FeedSummary> =>
  invoke<FeedSummary>("subscribe_on_account", { accountId, address });

/** Returns the new folder's id (or the existing one's, when the name is taken). */
export const createFolder = (name: string): Promise<number> =>
  invoke<number>("create_folder", { name });

export const renameFolder = (folderId: number, name: string): Promise<void> =>
  invoke<void>("rename_folder", { folderId, name });

/** The folder's feeds move to the top level; the answer's token puts it back with them. */
export const deleteFolder = (folderId: number): Promise<DeletedFolder> =>
  invoke<DeletedFolder>("delete_folder", { folderId });

/** One page of a view, in the order and with the filter of `options`. */
export const listArticles = (view: ArticleView, after?: ArticleCursor | null, options?: ListOptions | null): Promise<ArticlePage> =>
  invoke<ArticlePage>("list_articles", { view, after: after ?? null, options: options ?? null });

/** The page of a view from its `index`th article (a jump far from the rows loaded). */
export const listArticlesAt = (view: ArticleView, index: number, options: ListOptions): Promise<ArticlePage> =>
  invoke<ArticlePage>("list_articles_at", { view, index, options });

export const viewCounts = (): Promise<ViewCounts> =>
  invoke<ViewCounts>("view_counts");

/** Marks the view's unread articles read (only those dated before `olderThan`, when given); the answer's token undoes it. */
export const markViewRead = (view: ArticleView, olderThan?: number | null): Promise<MarkedRead> =>
  invoke<MarkedRead>("mark_view_read", { view, olderThan: olderThan ?? null });

/** Marks the view's unread articles on one side of the row at `at` read, in the list's order; the answer's token undoes it. */
export const markReadBeside = (view: ArticleView, options: ListOptions, at: ArticleCursor, side: Side): Promise<MarkedRead> =>
  invoke<MarkedRead>("mark_read_beside", { view, options, at, side });

/** Puts back what gave the token `undo` (marking read, deleting a folder); false when it is too old to undo. */
export const undo = (undo: number): Promise<boolean> =>
  invoke<boolean>("undo", { undo });

export const getPreferences = (): Promise<Preferences> =>
  invoke<Preferences>("get_preferences");

/** Returns what was stored: numbers are kept within their ranges. */
export const setPreferences = (preferences: Preferences): Promise<Preferences> =>
  invoke<Preferences>("set_preferences", { preferences });

/** One article, its images pointed at the app's image scheme; `loadImages` when the person asked for the images their setting holds back. */
export const getArticle = (id: number, loadImages: boolean): Promise<Article> =>
  invoke<Article>("get_article", { id, loadImages });

export const setRead = (id: number, read: boolean): Promise<void> =>
  invoke<void>("set_read", { id, read });

/** Bookmarking keeps the article's pictures offline in the background (a work report says how it went). */
export const setBookmarked = (id: number, bookmarked: boolean): Promise<void> =>
  invoke<void>("set_bookmarked", { id, bookmarked });

/** Saving keeps the article's pictures offline in the background (a work report says how it went). */
export const setSaved = (id: number, saved: boolean): Promise<void> =>
  invoke<void>("set_saved", { id, saved });

/** The rules, in the order they act. */
export const listRules = (): Promise<Array<StoredRule>> =>
  invoke<Array<StoredRule>>("list_rules");

/** How many of the library's articles `rule` would act on, and the newest of them: the preview while a rule is written. */
export const previewRule = (rule: Rule): Promise<RulePreview> =>
  invoke<RulePreview>("preview_rule", { rule });

/** Keeps a rule; it acts at once on the articles it matches (the answer's token undoes that) and on every article that arrives. */
export const saveRule = (rule: Rule): Promise<RuleSaved> =>
  invoke<RuleSaved>("save_rule", { rule });

export const removeRule = (id: number): Promise<void> =>
  invoke<void>("remove_rule", { id });

/** Asks where to save with the system's dialog and writes every rule as JSON; returns the path, `null` when cancelled. */
export const exportRules = (): Promise<string | null> =>
  invoke<string | null>("export_rules");

/** Asks for a rules file with the system's dialog and adds its rules; how many, `null` when cancelled. */
export const importRules = (): Promise<number | null> =>
  invoke<number | null>("import_rules");

/** Every tag some article carries, with its counts, for the sidebar. */
export const listTags = (): Promise<Array<Tag>> =>
  invoke<Array<Tag>>("list_tags");

export const tagArticle = (id: number, tags: Array<string>): Promise<void> =>
  invoke<void>("tag_article", { id, tags });

export const untagArticle = (id: number, tags: Array<string>): Promise<void> =>
  invoke<void>("untag_article", { id, tags });

/** The article's highlights where they are in its text now, and its note. */
export const articleHighlights = (id: number): Promise<ArticleHighlights> =>
  invoke<ArticleHighlights>("article_highlights", { id });

/** Highlights the passage selected in the reader. */
export const addHighlight = (highlight: NewHighlight): Promise<Highlight> =>
  invoke<Highlight>("add_highlight", { highlight });

export const changeHighlight = (id: number, change: HighlightChange): Promise<void> =>
  invoke<void>("change_highlight", { id, change });

export const removeHighlight = (id: number): Promise<void> =>
  invoke<void>("remove_highlight", { id });

/** An empty note removes it. */
export const setArticleNote = (id: number, note: string): Promise<void> =>
  invoke<void>("set_article_note", { id, note });

/** A page of the Highlights view, newest first. */
export const listHighlights = (filter: HighlightFilter): Promise<HighlightPage> =>
  invoke<HighlightPage>("list_highlights", { filter });

/** The kept searches, by name, each with the unread articles it finds, for the sidebar. */
export const listSavedSearches = (): Promise<Array<SavedSearch>> =>
  invoke<Array<SavedSearch>>("list_saved_searches");

export const saveSearch = (name: string, search: KeptSearch): Promise<SavedSearch> =>
  invoke<SavedSearch>("save_search", { name, search });

export const renameSavedSearch = (id: number, name: string): Promise<void> =>
  invoke<void>("rename_saved_search", { id, name });

export const removeSavedSearch = (id: number): Promise<void> =>
  invoke<void>("remove_saved_search", { id });

/** Saves any page to read later, in reader mode; a page holding no article is kept as a link, with a note why. */
export const saveUrl = (address: string): Promise<SaveOutcome> =>
  invoke<SaveOutcome>("save_url", { address });

/** A page of results, best first: the first, or the one that follows `after` (the last page's `next`). */
export const search = (query: SearchQuery, after?: SearchCursor | null): Promise<SearchResults> =>
  invoke<SearchResults>("search", { query, after: after ?? null });

export const getSettings = (): Promise<Settings> =>
  invoke<Settings>("get_settings");

export const setSettings = (settings: Settings): Promise<void> =>
  invoke<void>("set_settings", { settings });

/** Starts refreshing `scope` in the background unless a refresh is already running; its progress and end arrive as events. */
export const refresh = (scope: RefreshScope): Promise<void> =>
  invoke<void>("refresh", { scope });

export const cancelRefresh = (): Promise<void> =>
  invoke<void>("cancel_refresh");

/** Asks for an OPML file with the system's dialog and imports it; `null` when the person cancelled. */
export const importOpml = (): Promise<ImportReport | null> =>
  invoke<ImportReport | null>("import_opml");

/** Asks where to save with the system's dialog and writes every subscription as OPML; returns the path, `null` when cancelled. */
export const exportOpml = (): Promise<string | null> =>
  invoke<string | null>("export_opml");

/** Asks for a folder with the system's dialog and writes the articles there; `null` when cancelled. */
export const exportArticles = (selection: ExportSelection, format: ExportFormat): Promise<ExportReport | null> =>
  invoke<ExportReport | null>("export_articles", { selection, format });

/** Asks for a folder and writes each highlighted article there as a Markdown note; `null` when cancelled. */
export const exportHighlights = (): Promise<ExportReport | null> =>
  invoke<ExportReport | null>("export_highlights");

/** Opens a web address in the system browser; anything but http(s) is refused. */
export const openInBrowser = (url: string): Promise<void> =>
  invoke<void>("open_in_browser", { url });

/** The feed link or file, or the article link, Tidings was started with (or was handed before the UI listened), once; `null` when there was none. Later ones come as events. */
export const takeLaunchRequest = (): Promise<LaunchRequest | null> =>
  invoke<LaunchRequest | null>("take_launch_request");

/** Why the library could not be opened at startup, or `null` when it is open. The library opens while the page loads; this answers once it has opened or failed, so the UI asks it first. */
export const startupProblem = (): Promise<StartupProblem | null> =>
  invoke<StartupProblem | null>("startup_problem");

/** Retries, backs up, or starts fresh; the report's problem is `null` once the library is open. */
export const recover = (action: RecoveryAction): Promise<RecoveryReport> =>
  invoke<RecoveryReport>("recover", { action });

