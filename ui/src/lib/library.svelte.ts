// The app's state: subscriptions, which view is open, its articles, the article being read,
// what is kept offline, refresh and import progress, settings. Every change goes through the
// backend first; the UI only mirrors what was stored.
import {
  api, errorMessage, events, type AddFeedOutcome, type Article, type ArticleCursor, type ArticleSummary,
  type ArticleView, type FeedSummary, type Folder, type ImportReport, type ListOptions, type RefreshScope,
  type SaveOutcome, type Settings, type ViewCounts,
} from "./api";
import { onOpening } from "./appearance";
import { ChangeLog, changeOf, type Change } from "./changes";
import { firstWebUrl } from "./drop";
import { count } from "./format";
import { stepIndex, unreadIndex } from "./navigation";
import { beforeKeeping, imagesKept, NOTHING_KEPT, savedNow, type OfflineState } from "./offline";
import type { PreferencesState } from "./preferences.svelte";
import { expectedTotal, finishedText, type RefreshStatus } from "./refresh";
import { savedText, savingText } from "./saving";
import { feedOfView } from "./search";
import { SearchState } from "./searching.svelte";
import { NO_COUNTS, OLDER_THAN, optionsFor, parseViewOptions, sameView, viewKey } from "./views";

/** A toast: one sentence, and at most one thing to do about it. */
export interface Notice {
  text: string;
  action?: { label: string; run: () => void };
  /** Goes away by itself after this long (an Undo that no longer applies). */
  timeoutMs?: number;
}

/** How long "Mark all read" can be undone. */
export const UNDO_MS = 10_000;
const OPTIONS_KEY = "tidings.viewOptions";
/** Pages "next unread" may load while looking for one. */
const UNREAD_SEARCH_PAGES = 20;

export class Library {
  feeds = $state<FeedSummary[]>([]);
  folders = $state<Folder[]>([]);
  view = $state<ArticleView>({ kind: "unread" });
  articles = $state<ArticleSummary[]>([]);
  next = $state<ArticleCursor | null>(null);
  selectedId = $state<number | null>(null);
  article = $state<Article | null>(null);
  /** The refresh in progress, whoever started it (the person or the backend's schedule). */
  refresh = $state<RefreshStatus | null>(null);
  /** What the last refresh left to say (failures), until dismissed or the next refresh. */
  refreshNote = $state<string | null>(null);
  importing = $state<{ done: number; total: number } | null>(null);
  notice = $state.raw<Notice | null>(null);
  /** As stored; `null` until loaded. */
  settings = $state<Settings | null>(null);
  offline = $state.raw<OfflineState>(NOTHING_KEPT);
  /** The article on screen was loaded with the images the person's setting holds back. */
  imagesRequested = $state(false);
  counts = $state<ViewCounts>(NO_COUNTS);
  /** Each view's sort and unread-only filter, by `viewKey`. */
  viewOptions = $state<Record<string, ListOptions>>(parseViewOptions(localStorage.getItem(OPTIONS_KEY)));
  options = $derived(optionsFor(this.viewOptions, this.view));
  search = new SearchState();
  /** The sidebar and the first page have been read once (until then, no empty states). */
  loaded = $state(false);
  /** The rows on screen: search results while searching, else the view's articles. */
  rows = $derived(this.search.active ? (this.search.results?.hits.map((h) => h.article) ?? []) : this.articles);
  /** Nothing to read yet: no feeds, no saved pages, no bookmarks. */
  empty = $derived(this.loaded && this.feeds.length === 0 && this.articles.length === 0 && this.counts.saved === 0
    && this.counts.bookmarks === 0 && this.view.kind !== "feed" && this.view.kind !== "folder");
  /** Dropped links being saved, so that one drop seen twice is saved once. */
  private dropping = new Set<string>();
  private markReadTimer: ReturnType<typeof setTimeout> | null = null;
  private changes = new ChangeLog();

  constructor(private preferences: PreferencesState) {}

  async start(): Promise<void> {
    await Promise.all([
      events.onRefreshProgress((p) => {
        this.refresh = { done: p.done, total: p.total };
        this.refreshNote = null;
      }),
      events.onRefreshFinished((summary) => {
        this.refresh = null;
        this.refreshNote = finishedText(summary);
        void this.reload();
      }),
      events.onRefreshFailed((error) => {
        this.refresh = null;
        this.refreshNote = error.message;
      }),
      events.onImportProgress((done, total) => {
        this.importing = { done, total };
      }),
      events.onImagesKept((id, kept) => {
        this.offline = imagesKept(this.offline, id, kept);
      }),
      events.onWindowDrop((uris) => {
        const url = firstWebUrl(uris);
        if (url) void this.saveDropped(url);
      }),
    ]);
    await Promise.all([this.reload(), this.loadSettings()]);
    this.loaded = true;
  }

  async loadSettings(): Promise<void> {
    this.settings = await this.attempt(api.getSettings(), this.settings);
  }

  /** Throws with the reason. */
  async saveSettings(settings: Settings): Promise<void> {
    await api.setSettings(settings);
    this.settings = settings;
  }

  /** Re-reads the sidebar and the current view, keeping the selection. */
  async reload(): Promise<void> {
    await Promise.all([this.loadSidebar(), this.loadView()]);
  }

  /** Feeds, folders and the smart views' counts: what the sidebar shows. */
  async loadSidebar(): Promise<void> {
    const [feeds, folders, counts] = await Promise.all([
      this.attempt(api.listFeeds(), this.feeds),
      this.attempt(api.listFolders(), this.folders),
      this.attempt(api.viewCounts(), this.counts),
    ]);
    this.feeds = feeds;
    this.folders = folders;
    this.counts = counts;
  }

  async chooseView(view: ArticleView): Promise<void> {
    if (this.search.active) this.search.clear();
    if (!sameView(view, this.view)) {
      this.view = view;
      this.selectedId = null;
      this.article = null;
    }
    await this.loadView();
  }

  /** Sorts or filters the current view, and remembers it for that view. */
  async setOptions(change: Partial<ListOptions>): Promise<void> {
    this.viewOptions = { ...this.viewOptions, [viewKey(this.view)]: { ...this.options, ...change } };
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(this.viewOptions));
    await this.loadView();
  }

  async loadView(): Promise<void> {
    const view = this.view;
    const options = this.options;
    const since = this.changes.mark;
    await this.changes.settled();
    const page = await this.attempt(api.listArticles(view, null, options), null);
    if (!page || !sameView(view, this.view) || options !== this.options) return;
    this.articles = this.changes.replay(page.articles, since);
    this.next = page.next;
  }

  async loadMore(): Promise<void> {
    const view = this.view;
    const options = this.options;
    const after = this.next;
    if (!after || this.search.active) return;
    this.next = null;
    const since = this.changes.mark;
    await this.changes.settled();
    const page = await this.attempt(api.listArticles(view, after, options), null);
    if (!page || !sameView(view, this.view) || options !== this.options) return;
    this.articles = [...this.articles, ...this.changes.replay(page.articles, since)];
    this.next = page.next;
  }

  /** Shows an article; it counts as read as the person's preference says. */
  async open(id: number): Promise<void> {
    this.selectedId = id;
    this.stopMarkReadTimer();
    const article = await this.attempt(api.getArticle(id), null);
    if (!article || this.selectedId !== id) return;
    this.imagesRequested = false;
    this.article = article;
    if (article.isRead) return;
    const plan = onOpening(this.preferences.current);
    if (plan.kind === "now") {
      await this.setRead(true);
    } else if (plan.kind === "after") {
      this.markReadTimer = setTimeout(() => {
        this.markReadTimer = null;
        if (this.article?.id === id && !this.article.isRead) void this.setRead(true);
      }, plan.ms);
    }
  }

  private stopMarkReadTimer(): void {
    if (this.markReadTimer !== null) clearTimeout(this.markReadTimer);
    this.markReadTimer = null;
  }

  /** o / Enter: shows the selected row's article, or the first one. */
  async openSelected(): Promise<void> {
    const id = this.selectedId;
    if (id === null) await this.move(1);
    else if (this.article?.id !== id) await this.open(id);
  }

  /** Reloads the article on screen with the images the person's setting holds back. */
  async loadImages(): Promise<void> {
    const id = this.article?.id;
    if (id === undefined) return;
    const article = await this.attempt(api.getArticle(id, true), null);
    if (!article || this.article?.id !== id) return;
    this.imagesRequested = true;
    this.article = article;
  }

  private selectedIndex(): number {
    return this.rows.findIndex((a) => a.id === this.selectedId);
  }

  /** Moves the selection by `delta` rows and opens that article. */
  async move(delta: number): Promise<void> {
    const target = stepIndex(this.rows.length, this.selectedIndex(), delta);
    if (target === null) return;
    const row = this.rows[target];
    if (row.id !== this.selectedId) await this.open(row.id);
    if (target >= this.rows.length - 5) await this.loadMore();
  }

  /** Opens the next (or previous) unread article, loading further pages to find one. */
  async moveToUnread(direction: 1 | -1): Promise<boolean> {
    for (let pages = 0; pages <= UNREAD_SEARCH_PAGES; pages++) {
      const target = unreadIndex(this.rows, this.selectedIndex(), direction);
      if (target !== null) {
        await this.open(this.rows[target].id);
        if (target >= this.rows.length - 5) void this.loadMore();
        return true;
      }
      if (direction < 0 || !this.next || this.search.active) break;
      await this.loadMore();
    }
    return false;
  }

  /** Marks the article on screen read or unread; the list shows it at once. */
  async setRead(read: boolean): Promise<void> {
    const article = this.article;
    if (!article) return;
    this.stopMarkReadTimer();
    await this.change(article.id, { isRead: read }, { isRead: article.isRead }, api.setRead(article.id, read));
    await this.loadSidebar();
  }

  /** Marks rows read that scrolled past (the "when scrolled past" preference). */
  async markRowsRead(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await Promise.all(ids.map((id) => this.change(id, { isRead: true }, { isRead: false }, api.setRead(id, true))));
    await this.loadSidebar();
  }

  /** Marks the view read (or its articles older than a day or a week), with Undo for a while. */
  async markAllRead(olderThan: keyof typeof OLDER_THAN | null = null): Promise<void> {
    if (this.search.active) {
      this.say("Search results are not a view: leave the search (Escape) to mark a view read.");
      return;
    }
    const view = this.view;
    const before = olderThan === null ? null : Math.floor(Date.now() / 1000) - OLDER_THAN[olderThan];
    const marked = await this.attempt(this.changes.track(api.markViewRead(view, before)), null);
    if (!marked) return;
    if (marked.count === 0) {
      this.say(olderThan === null ? "Nothing left unread here." : `Nothing older than a ${olderThan} is unread here.`);
      return;
    }
    if (sameView(view, this.view)) this.apply((a) => (before === null || a.sortAt < before ? { ...a, isRead: true } : a));
    await this.loadSidebar();
    this.notice = {
      text: `Marked ${count(Number(marked.count), "article")} read.`,
      action: { label: "Undo", run: () => void this.undoMarkRead(marked.undo) },
      timeoutMs: UNDO_MS,
    };
  }

  private async undoMarkRead(token: number): Promise<void> {
    const undone = await this.attempt(api.undoMarkRead(token), false);
    if (!undone) this.say("That can no longer be undone.");
    await this.reload();
    const shown = this.article && this.articles.find((a) => a.id === this.article?.id);
    if (this.article && shown) this.article = { ...this.article, isRead: shown.isRead };
  }

  /** Searches again with the form as it is. */
  runSearch(now = false): void {
    this.search.run(feedOfView(this.view), now);
  }

  async setBookmarked(bookmarked: boolean): Promise<void> {
    const article = this.article;
    if (!article) return;
    if (bookmarked) this.offline = beforeKeeping(this.offline, article);
    await this.change(article.id, { isBookmarked: bookmarked }, { isBookmarked: article.isBookmarked },
      api.setBookmarked(article.id, bookmarked));
  }

  async setSaved(saved: boolean): Promise<void> {
    const article = this.article;
    if (!article) return;
    if (saved) this.offline = beforeKeeping(this.offline, article);
    await this.change(article.id, { isSaved: saved }, { isSaved: article.isSaved }, api.setSaved(article.id, saved));
  }

  /** Saves a page to read later and says so. Throws with the reason. */
  async saveUrl(address: string): Promise<SaveOutcome> {
    const outcome = await api.saveUrl(address);
    const id = outcome.article.id;
    this.offline = savedNow(this.offline, id);
    this.notice = { text: savedText(outcome), action: { label: "Open", run: () => void this.showSaved(id) } };
    await this.loadView();
    return outcome;
  }

  /** Saves a link dropped on the window, with the progress and the outcome in a toast. */
  async saveDropped(address: string): Promise<void> {
    if (this.dropping.has(address)) return;
    this.dropping.add(address);
    this.notice = { text: savingText(address) };
    try {
      await this.saveUrl(address);
    } catch (error) {
      this.notice = { text: `Could not save ${address}: ${errorMessage(error)}` };
    } finally {
      this.dropping.delete(address);
    }
  }

  /** Opens a saved article in the Saved view. */
  async showSaved(id: number): Promise<void> {
    await this.chooseView({ kind: "saved" });
    await this.open(id);
  }

  /** Adds an address; a site offering several feeds comes back as a choice. Throws with the reason. */
  async addFeed(address: string): Promise<AddFeedOutcome> {
    const outcome = await api.addFeed(address);
    if (outcome.kind === "subscribed") {
      await this.loadSidebar();
      await this.chooseView({ kind: "feed", feedId: outcome.feed.id });
    }
    return outcome;
  }

  async removeFeed(feed: FeedSummary): Promise<void> {
    await this.attempt(api.removeFeed(feed.id), undefined);
    if (sameView(this.view, { kind: "feed", feedId: feed.id })) {
      await this.chooseView({ kind: "unread" });
    }
    await this.reload();
    this.say(`Unsubscribed from ${feed.title}. Its bookmarked articles were kept.`);
  }

  /** Gives a feed a name; `null` gives back the feed's own title. Throws with the reason. */
  async renameFeed(feed: FeedSummary, title: string | null): Promise<void> {
    await api.renameFeed(feed.id, title);
    await this.reload();
  }

  /** Moves a feed into a folder, or to the top level with `null`. */
  async setFullText(feed: FeedSummary, fullText: boolean): Promise<void> {
    await this.attempt(api.setFullText(feed.id, fullText), undefined);
    await this.loadSidebar();
  }

  async moveFeed(feed: FeedSummary, folderId: number | null): Promise<void> {
    await this.attempt(api.moveFeed(feed.id, folderId), undefined);
    await this.reload();
  }

  /** Creates a folder (or finds the one with that name) and moves the feed into it. Throws with the reason. */
  async moveFeedToNewFolder(feed: FeedSummary, name: string): Promise<void> {
    const folderId = await api.createFolder(name);
    await api.moveFeed(feed.id, folderId);
    await this.reload();
  }

  /** Throws with the reason. */
  async renameFolder(folder: Folder, name: string): Promise<void> {
    await api.renameFolder(folder.id, name);
    await this.loadSidebar();
  }

  async deleteFolder(folder: Folder): Promise<void> {
    await this.attempt(api.deleteFolder(folder.id), undefined);
    if (sameView(this.view, { kind: "folder", folderId: folder.id })) {
      await this.chooseView({ kind: "unread" });
    }
    await this.reload();
    this.say(`Deleted the folder ${folder.name}. Its feeds are kept, outside any folder.`);
  }

  /** Starts refreshing `scope` unless a refresh is already under way (its bar is showing). */
  startRefresh(scope: RefreshScope = { kind: "all" }): void {
    if (this.refresh) {
      // Refreshing everything joins the refresh under way; a feed or folder would be skipped.
      if (scope.kind === "feed" || scope.kind === "folder") this.say("A refresh is under way; try again when it ends.");
      return;
    }
    this.refreshNote = null;
    this.refresh = { done: 0, total: expectedTotal(scope, this.feeds) };
    api.refresh(scope).catch((error: unknown) => {
      this.refresh = null;
      this.say(errorMessage(error));
    });
  }

  cancelRefresh(): void {
    void this.attempt(api.cancelRefresh(), undefined);
  }

  /** Imports an OPML file the person picks, then fetches the new feeds. `null` when cancelled or refused. */
  async importOpml(): Promise<ImportReport | null> {
    try {
      const report = await api.importOpml();
      if (report) {
        await this.loadSidebar();
        this.startRefresh({ kind: "due" });
      }
      return report;
    } catch (error) {
      this.say(errorMessage(error));
      return null;
    } finally {
      this.importing = null;
    }
  }

  async exportOpml(): Promise<void> {
    const path = await this.attempt(api.exportOpml(), null);
    if (path) this.say(`Saved your subscriptions to ${path}`);
  }

  openInBrowser(url: string): void {
    void this.attempt(api.openInBrowser(url), undefined);
  }

  say(text: string): void {
    this.notice = { text };
  }

  /**
   * Shows a change to one article at once and writes it; if the write fails, the change is
   * taken back (`undo`) and the reason shown.
   */
  private async change(id: number, change: Partial<ArticleSummary>, undo: Partial<ArticleSummary>, write: Promise<void>): Promise<void> {
    this.apply(changeOf(id, change));
    try {
      await this.changes.track(write);
    } catch (error) {
      this.apply(changeOf(id, undo));
      this.say(errorMessage(error));
    }
  }

  /** Applies a change to the list, the search results and the article on screen, and keeps it for replay. */
  private apply(change: Change): void {
    this.changes.record(change);
    this.articles = this.articles.map(change);
    const results = this.search.results;
    if (results) this.search.results = { ...results, hits: results.hits.map((h) => ({ ...h, article: change(h.article) })) };
    if (this.article) this.article = { ...this.article, ...change(this.article) };
  }

  /** Runs a command; on failure shows why and returns `fallback`. */
  private async attempt<T>(promise: Promise<T>, fallback: T): Promise<T> {
    try {
      return await promise;
    } catch (error) {
      this.say(errorMessage(error));
      return fallback;
    }
  }
}
