// What is on screen and what reading does to it: the open view (sorted and filtered as the
// person chose), its rows or the search results, the selection and the article being read,
// moving through them, and read, bookmarked and saved state — shown at once, written behind.
import {
  api, errorMessage, type Article, type ArticleCursor, type ArticlePage, type ArticleSummary, type ArticleView,
  type ListOptions,
} from "./api";
import { onOpening } from "./appearance";
import { ChangeLog, changeOf, type Change } from "./changes";
import {
  around, changed, cursorOf, cursorThrough, earlierCursor, firstPage, NOTHING_LOADED, reloadedAround, rowToKeep, withEarlier,
  withLater, type Loaded,
} from "./loaded";
import { stepIndex, unreadIndex } from "./navigation";
import { beforeKeeping, NOTHING_KEPT, type OfflineState } from "./offline";
import type { PreferencesState } from "./preferences.svelte";
import { feedOfView } from "./search";
import { SearchState } from "./searching.svelte";
import { markedText, unmarkedText } from "./undo";
import { OLDER_THAN, optionsFor, parseViewOptions, sameView, viewKey } from "./views";
import type { RowWindow } from "./virtual";

/** What `Reading.attempt` answers for a command that failed (the person was told why). */
export const FAILED = Symbol("failed");
export type Answer<T> = T | typeof FAILED;

/** A toast: one sentence, and at most one thing to do about it. It goes by itself (./toast.ts). */
export interface Notice {
  text: string;
  action?: { label: string; run: () => void };
}

const OPTIONS_KEY = "tidings.viewOptions";
/** Pages "next unread" may load while looking for one. */
const UNREAD_SEARCH_PAGES = 20;

export abstract class Reading {
  view = $state<ArticleView>({ kind: "unread" });
  /** The view's rows near the screen (./loaded.ts); raw, since rows are replaced, never changed in place. */
  list = $state.raw<Loaded>(NOTHING_LOADED);
  articles = $derived(this.list.rows);
  next = $derived(this.list.next);
  selectedId = $state<number | null>(null);
  article = $state.raw<Article | null>(null);
  notice = $state.raw<Notice | null>(null);
  offline = $state.raw<OfflineState>(NOTHING_KEPT);
  /** The article on screen was loaded with the images the person's setting holds back. */
  imagesRequested = $state(false);
  /** Counts the times the article on screen was shown again with what arrived since (its pictures, its page). */
  shownAgain = $state(0);
  /** Each view's sort and unread-only filter, by `viewKey`. */
  viewOptions = $state<Record<string, ListOptions>>(parseViewOptions(localStorage.getItem(OPTIONS_KEY)));
  options = $derived(optionsFor(this.viewOptions, this.view));
  search = new SearchState();
  /** The rows on screen: search results while searching, else the view's articles. */
  rows = $derived(this.search.active ? (this.search.results?.hits.map((h) => h.article) ?? []) : this.articles);
  /**
   * Told when the loaded rows were renumbered (./loaded.ts `withEarlier`), so that the list
   * scrolls by as many rows and what is on screen stays put.
   */
  onShift: ((rows: number) => void) | null = null;
  /** Told by the list which rows are on screen (places in the whole list), for `reloadView`. */
  rowsInView: (() => RowWindow) | null = null;
  /** The loads under way, which whoever asks again waits for rather than asking twice. */
  private loadingLater: Promise<void> | null = null;
  private loadingEarlier: Promise<void> | null = null;
  /** The selected row and where it sat in the list, to load the rows around it again once dropped. */
  private anchor: { row: ArticleSummary; index: number } | null = null;
  /** The list's selection when the search began, to come back to when it ends. */
  private beforeSearch: { selectedId: number | null; anchor: Reading["anchor"] } | null = null;
  private markReadTimer: ReturnType<typeof setTimeout> | null = null;
  protected changes = new ChangeLog();

  constructor(private preferences: PreferencesState) {}

  /** Read, bookmarked or saved states changed: the counts beside views and feeds need reading again. */
  protected abstract countsChanged(): Promise<void>;

  /** Says `text` with an Undo for the backend's `token`; `undone` is said once it is undone. */
  protected abstract offerUndo(text: string, token: number, undone: string): void;

  async chooseView(view: ArticleView): Promise<void> {
    if (this.search.active) void this.leaveSearch();
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
    const page = await this.attempt(api.listArticles(view, null, options));
    if (page === FAILED || !sameView(view, this.view) || options !== this.options) return;
    this.list = firstPage({ ...page, articles: this.changes.replay(page.articles, since) });
  }

  /**
   * Reads the view again, keeping what the person looks at where it is on screen: articles
   * arriving (or going) above it move the rows above, not it (`onShift`).
   */
  async reloadView(): Promise<void> {
    const kept = rowToKeep(this.list, this.selectedId, this.rowsInView?.() ?? { start: 0, end: 0 });
    if (!kept) return this.loadView();
    const [above, from] = await Promise.all([
      this.pageFrom(cursorOf(kept.row), this.reversed()),
      this.pageFrom(cursorThrough(kept.row, this.options.oldestFirst), this.options),
    ]);
    if (!above || !from) return;
    const { loaded, shift } = reloadedAround(kept, above, from, kept.row.id === this.selectedId);
    this.list = loaded;
    if (this.anchor) this.anchor = { ...this.anchor, index: this.anchor.index + shift };
    if (shift !== 0) this.onShift?.(shift);
  }

  /** Loads the rows after the last loaded (dropping some far above), or the next search results. */
  loadMore(): Promise<void> {
    if (this.search.active) return this.search.loadMore();
    const after = this.next;
    if (this.loadingLater) return this.loadingLater;
    if (!after) return Promise.resolve();
    this.loadingLater = (async () => {
      const page = await this.pageFrom(after, this.options);
      if (page) this.list = withLater(this.list, after, page);
    })().finally(() => (this.loadingLater = null));
    return this.loadingLater;
  }

  /** Loads the rows before the first loaded again (dropping some far below). */
  loadEarlier(): Promise<void> {
    const before = earlierCursor(this.list);
    if (this.loadingEarlier) return this.loadingEarlier;
    if (!before || this.search.active) return Promise.resolve();
    this.loadingEarlier = (async () => {
      const page = await this.pageFrom(before, this.reversed());
      if (!page) return;
      const { loaded, shift } = withEarlier(this.list, before, page);
      this.list = loaded;
      if (shift !== 0) this.onShift?.(shift);
    })().finally(() => (this.loadingEarlier = null));
    return this.loadingEarlier;
  }

  /** The view's order the other way round: the rows before a row are the ones after it in that order. */
  private reversed(): ListOptions {
    return { ...this.options, oldestFirst: !this.options.oldestFirst };
  }

  /** Loads the rows around the selection again when it was scrolled far enough away to be dropped. */
  private async loadAroundSelection(): Promise<void> {
    const anchor = this.anchor;
    if (!anchor || anchor.row.id !== this.selectedId || this.search.active || this.selectedIndex() !== -1) return;
    const cursor = cursorOf(anchor.row);
    const [above, below] = await Promise.all([this.pageFrom(cursor, this.reversed()), this.pageFrom(cursor, this.options)]);
    if (above && below && this.selectedId === anchor.row.id) this.list = around(anchor.row, anchor.index, above, below);
  }

  /** The page of the current view from `cursor` in `order`; `null` if it failed or the view changed meanwhile. */
  private async pageFrom(cursor: ArticleCursor, order: ListOptions): Promise<ArticlePage | null> {
    const view = this.view;
    const options = this.options;
    const since = this.changes.mark;
    await this.changes.settled();
    const page = await this.attempt(api.listArticles(view, cursor, order));
    if (page === FAILED || !sameView(view, this.view) || options !== this.options) return null;
    return { ...page, articles: this.changes.replay(page.articles, since) };
  }

  /** Shows an article; it counts as read as the person's preference says. */
  async open(id: number): Promise<void> {
    this.selectedId = id;
    const at = this.articles.findIndex((a) => a.id === id);
    this.anchor = at === -1 ? null : { row: this.articles[at], index: this.list.offset + at };
    this.stopMarkReadTimer();
    const article = await this.attempt(api.getArticle(id));
    if (article === FAILED || this.selectedId !== id) return;
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
    const article = await this.attempt(api.getArticle(id, true));
    if (article === FAILED || this.article?.id !== id) return;
    this.imagesRequested = true;
    this.article = article;
  }

  /** Shows the article on screen again if it is `id`: its pictures or its page arrived meanwhile. */
  protected async showAgain(id: number): Promise<void> {
    if (this.article?.id !== id) return;
    const article = await this.attempt(api.getArticle(id, this.imagesRequested));
    if (article === FAILED || this.article?.id !== id) return;
    this.article = article;
    this.shownAgain++;
  }

  private selectedIndex(): number {
    return this.rows.findIndex((a) => a.id === this.selectedId);
  }

  /** Moves the selection by `delta` rows and opens that article. */
  async move(delta: number): Promise<void> {
    await this.loadAroundSelection();
    const target = stepIndex(this.rows.length, this.selectedIndex(), delta);
    if (target === null) return;
    const row = this.rows[target];
    if (row.id !== this.selectedId) await this.open(row.id);
    if (target >= this.rows.length - 5) await this.loadMore();
    else if (target < 5) await this.loadEarlier();
  }

  /** Opens the next (or previous) unread article, loading further pages to find one. */
  async moveToUnread(direction: 1 | -1): Promise<boolean> {
    await this.loadAroundSelection();
    let from = this.selectedIndex();
    for (let pages = 0; pages <= UNREAD_SEARCH_PAGES; pages++) {
      const target = unreadIndex(this.rows, from, direction);
      if (target !== null) {
        await this.open(this.rows[target].id);
        if (target >= this.rows.length - 5) void this.loadMore();
        else if (target < 5) void this.loadEarlier();
        return true;
      }
      const later = this.search.active ? this.search.next : this.next;
      const more = direction > 0 ? later !== null : this.list.earlier && !this.search.active;
      if (!more || this.rows.length === 0) break;
      // Loading drops rows at the far end, so the search goes on from the row it stopped at, by id.
      const edge = this.rows[direction > 0 ? this.rows.length - 1 : 0].id;
      await (direction > 0 ? this.loadMore() : this.loadEarlier());
      from = this.rows.findIndex((a) => a.id === edge);
      if (from === -1) break;
    }
    return false;
  }

  /** Marks the article on screen (or another row's) read or unread; the list shows it at once. */
  async setRead(read: boolean, article: ArticleSummary | null = this.article): Promise<void> {
    if (!article) return;
    if (article.id === this.article?.id) this.stopMarkReadTimer();
    await this.change(article.id, { isRead: read }, { isRead: article.isRead }, api.setRead(article.id, read));
    await this.countsChanged();
  }

  /** Marks rows read that scrolled past (the "when scrolled past" preference). */
  async markRowsRead(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await Promise.all(ids.map((id) => this.change(id, { isRead: true }, { isRead: false }, api.setRead(id, true))));
    await this.countsChanged();
  }

  /** Marks the view read (or its articles older than a day or a week), with Undo for a while. */
  async markAllRead(olderThan: keyof typeof OLDER_THAN | null = null): Promise<void> {
    if (this.search.active) {
      this.say("Search results are not a view: leave the search (Escape) to mark a view read.");
      return;
    }
    const view = this.view;
    const before = olderThan === null ? null : Math.floor(Date.now() / 1000) - OLDER_THAN[olderThan];
    const marked = await this.attempt(this.changes.track(api.markViewRead(view, before)));
    if (marked === FAILED) return;
    if (marked.count === 0) {
      this.say(olderThan === null ? "Nothing left unread here." : `Nothing older than a ${olderThan} is unread here.`);
      return;
    }
    if (sameView(view, this.view)) this.apply((a) => (before === null || a.sortAt < before ? { ...a, isRead: true } : a));
    await this.countsChanged();
    this.offerUndo(markedText(marked.count), marked.undo, unmarkedText(marked.count));
  }

  /** Searches again with the form as it is; with the field emptied, the search ends. */
  runSearch(now = false): void {
    if (this.search.active && !this.beforeSearch) this.beforeSearch = { selectedId: this.selectedId, anchor: this.anchor };
    this.search.run(feedOfView(this.view), now);
    if (!this.search.active) void this.backToTheList();
  }

  /** Ends the search (Escape): the list again, with the article read there. */
  leaveSearch(): Promise<void> {
    this.search.clear();
    return this.backToTheList();
  }

  /**
   * After a search, the article on screen stays if the list holds it; else the list's selection
   * from before the search comes back (as stored now, not counted as read again), or none.
   */
  private async backToTheList(): Promise<void> {
    const before = this.beforeSearch;
    this.beforeSearch = null;
    if (!before || before.selectedId === this.selectedId || this.articles.some((a) => a.id === this.selectedId)) return;
    this.stopMarkReadTimer();
    this.selectedId = before.selectedId;
    this.anchor = before.anchor;
    this.article = null;
    const id = before.selectedId;
    if (id === null) return;
    const article = await this.attempt(api.getArticle(id));
    if (article === FAILED || this.selectedId !== id) return;
    this.imagesRequested = false;
    this.article = article;
  }

  async setBookmarked(bookmarked: boolean, article: ArticleSummary | null = this.article): Promise<void> {
    if (!article) return;
    if (bookmarked) this.offline = beforeKeeping(this.offline, article);
    await this.change(article.id, { isBookmarked: bookmarked }, { isBookmarked: article.isBookmarked },
      api.setBookmarked(article.id, bookmarked));
    await this.countsChanged();
  }

  async setSaved(saved: boolean, article: ArticleSummary | null = this.article): Promise<void> {
    if (!article) return;
    if (saved) this.offline = beforeKeeping(this.offline, article);
    await this.change(article.id, { isSaved: saved }, { isSaved: article.isSaved }, api.setSaved(article.id, saved));
    await this.countsChanged();
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
  protected apply(change: Change): void {
    this.changes.record(change);
    this.list = changed(this.list, change);
    if (this.anchor) this.anchor = { ...this.anchor, row: change(this.anchor.row) };
    const results = this.search.results;
    if (results) this.search.results = { ...results, hits: results.hits.map((h) => ({ ...h, article: change(h.article) })) };
    if (this.article) this.article = { ...this.article, ...change(this.article) };
  }

  /**
   * The error policy of every command the UI sends that no dialog answers for: on failure the
   * person is told why, and the answer is `FAILED`, which the caller must check before it
   * goes on, so that nothing after a failure claims success. (Dialogs show the reason inside
   * themselves: the methods they call throw, and say so.)
   */
  protected async attempt<T>(promise: Promise<T>): Promise<Answer<T>> {
    try {
      return await promise;
    } catch (error) {
      this.say(errorMessage(error));
      return FAILED;
    }
  }
}
