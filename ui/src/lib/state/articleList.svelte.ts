// The list on screen: the open view (sorted and filtered as the person chose), its rows or the
// search results, the selection, moving through them, and marking many of them read at once.
// Only the rows near the screen are loaded (../loaded.ts); the article shown is ./openArticle's.
import {
  api, type ArticleCursor, type ArticlePage, type ArticleSummary, type ArticleView, type ListOptions, type RuleSaved, type SavedSearch, type Side,
} from "../api";
import { isBeside } from "../articleMenu";
import type { ChangeLog, Change } from "../changes";
import {
  around, changed, cursorOf, cursorThrough, earlierCursor, firstPage, NOTHING_LOADED, reloadedAround, rowToKeep, startingAt,
  withEarlier, withLater, type Loaded,
} from "../loaded";
import { stepIndex, unreadIndex } from "../navigation";
import { savedText } from "../rules";
import { formOfKept, placeOfView } from "../search";
import { markedText, unmarkedText } from "../undo";
import { OLDER_THAN, optionsFor, parseViewOptions, sameView, viewKey } from "../views";
import type { RowWindow } from "../virtual";
import { FAILED, type Notices } from "./notices.svelte";
import type { OpenArticle } from "./openArticle.svelte";
import { SearchState } from "./searching.svelte";
import type { Subscriptions } from "./subscriptions.svelte";

const OPTIONS_KEY = "tidings.viewOptions";
/** Pages "next unread" may load while looking for one. */
const UNREAD_SEARCH_PAGES = 20;
const NOT_A_VIEW = "Search results are not a view: leave the search (Escape) to mark a view read.";

export class ArticleList {
  view = $state<ArticleView>({ kind: "unread" });
  /** The view's rows near the screen (../loaded.ts); raw, since rows are replaced, never changed in place. */
  list = $state.raw<Loaded>(NOTHING_LOADED);
  articles = $derived(this.list.rows);
  /** Where the first loaded row sits in the whole list. */
  offset = $derived(this.list.offset);
  next = $derived(this.list.next);
  earlier = $derived(this.list.earlier);
  selectedId = $state<number | null>(null);
  /** The first page has been read once (until then, no empty states). */
  loaded = $state(false);
  /** Each view's sort and unread-only filter, by `viewKey`. */
  viewOptions = $state<Record<string, ListOptions>>(parseViewOptions(localStorage.getItem(OPTIONS_KEY)));
  options = $derived(optionsFor(this.viewOptions, this.view));
  search = new SearchState();
  /** The rows on screen: search results while searching, else the view's articles. */
  rows = $derived(this.search.active ? (this.search.results?.hits.map((h) => h.article) ?? []) : this.articles);
  /**
   * Told when the loaded rows were renumbered (../loaded.ts `withEarlier`), so that the list
   * scrolls by as many rows and what is on screen stays put.
   */
  onShift: ((rows: number) => void) | null = null;
  /** Told by the list which rows are on screen (places in the whole list), for `reloadView`. */
  rowsInView: (() => RowWindow) | null = null;
  /** The loads under way, which whoever asks again waits for rather than asking twice. */
  private loadingLater: Promise<void> | null = null;
  private loadingEarlier: Promise<void> | null = null;
  private loadingAt: Promise<void> | null = null;
  /** The selected row and where it sat in the list, to load the rows around it again once dropped. */
  private anchor: { row: ArticleSummary; index: number } | null = null;
  /** The list's selection when the search began, to come back to when it ends. */
  private beforeSearch: { selectedId: number | null; anchor: ArticleList["anchor"] } | null = null;

  /** Told when a view is chosen (the Highlights view gives the list its place back). */
  viewChosen: (() => void)[] = [];

  constructor(
    private notices: Notices,
    private changes: ChangeLog,
    private subscriptions: Subscriptions,
    private reader: OpenArticle,
  ) {
    changes.listen((change) => this.show(change));
  }

  async chooseView(view: ArticleView): Promise<void> {
    for (const told of this.viewChosen) told();
    if (this.search.active) void this.leaveSearch();
    if (!sameView(view, this.view)) {
      this.view = view;
      this.selectedId = null;
      this.reader.clear();
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
    const page = await this.notices.attempt(api.listArticles(view, null, options));
    if (page === FAILED || !sameView(view, this.view) || options !== this.options) return;
    this.list = firstPage({ ...page, articles: this.changes.replay(page.articles, since) });
  }

  /** The sidebar's counts and the view, read again together (after what changed both). */
  async reload(): Promise<void> {
    await Promise.all([this.subscriptions.load(), this.reloadView()]);
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

  /** Loads the page the person jumped to, far above the rows loaded (dropping those). */
  loadAt(index: number): Promise<void> {
    if (this.loadingAt || this.search.active) return this.loadingAt ?? Promise.resolve();
    this.loadingAt = (async () => {
      const view = this.view;
      const options = this.options;
      const since = this.changes.mark;
      await this.changes.settled();
      const page = await this.notices.attempt(api.listArticlesAt(view, index, options));
      if (page === FAILED || !sameView(view, this.view) || options !== this.options) return;
      this.list = startingAt(index, { ...page, articles: this.changes.replay(page.articles, since) });
    })().finally(() => (this.loadingAt = null));
    return this.loadingAt;
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
    const page = await this.notices.attempt(api.listArticles(view, cursor, order));
    if (page === FAILED || !sameView(view, this.view) || options !== this.options) return null;
    return { ...page, articles: this.changes.replay(page.articles, since) };
  }

  /** Selects a row and shows its article (counted as read as the person's preference says). */
  async open(id: number): Promise<void> {
    this.selectedId = id;
    const at = this.articles.findIndex((a) => a.id === id);
    this.anchor = at === -1 ? null : { row: this.articles[at], index: this.list.offset + at };
    await this.reader.open(id);
  }

  /** o / Enter: shows the selected row's article, or the first one. */
  async openSelected(): Promise<void> {
    const id = this.selectedId;
    if (id === null) await this.move(1);
    else if (this.reader.article?.id !== id) await this.open(id);
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

  /** Marks the view read (or its articles older than a day or a week), with Undo for a while. */
  async markAllRead(olderThan: keyof typeof OLDER_THAN | null = null): Promise<void> {
    if (this.search.active) return this.notices.say(NOT_A_VIEW);
    const view = this.view;
    const before = olderThan === null ? null : Math.floor(Date.now() / 1000) - OLDER_THAN[olderThan];
    const marked = await this.notices.attempt(this.changes.track(api.markViewRead(view, before)));
    if (marked === FAILED) return;
    if (marked.count === 0) {
      this.notices.say(olderThan === null ? "Nothing left unread here." : `Nothing older than a ${olderThan} is unread here.`);
      return;
    }
    if (sameView(view, this.view)) this.changes.apply((a) => (before === null || a.sortAt < before ? { ...a, isRead: true } : a));
    await this.subscriptions.load();
    this.offerUndo(marked.count, marked.undo);
  }

  /** Marks read the view's unread articles above (or below) `row` as the list shows them, with Undo. */
  async markReadBeside(row: ArticleSummary, side: Side): Promise<void> {
    if (this.search.active) return this.notices.say(NOT_A_VIEW);
    const view = this.view;
    const options = this.options;
    const at = cursorOf(row);
    const marked = await this.notices.attempt(this.changes.track(api.markReadBeside(view, options, at, side)));
    if (marked === FAILED) return;
    if (marked.count === 0) {
      this.notices.say(`Nothing ${side} it is unread.`);
      return;
    }
    if (sameView(view, this.view)) {
      this.changes.apply((a) => (isBeside(a, at, side, options.oldestFirst) ? { ...a, isRead: true } : a));
    }
    await this.subscriptions.load();
    this.offerUndo(marked.count, marked.undo);
  }

  private offerUndo(count: number, token: number): void {
    this.notices.offerUndo(markedText(count), token, unmarkedText(count), () => this.readAgainAfterUndo());
  }

  /** After a rule was saved: the lists and counts as it left them, with an Undo for what it changed. */
  async afterRuleSaved(saved: RuleSaved): Promise<void> {
    await this.readAgainAfterUndo();
    if (saved.changed === 0) this.notices.say(savedText(saved));
    else this.notices.offerUndo(savedText(saved), saved.undo, "Took back what the rule did; the rule stays.", () => this.readAgainAfterUndo());
  }

  /** After an undo: the counts and the view as stored now, and the article on screen with them. */
  async readAgainAfterUndo(): Promise<void> {
    await this.reload();
    this.reader.follow(this.articles);
  }

  /** Searches again with the form as it is; with the field emptied, the search ends. */
  runSearch(now = false, keptId: number | null = null): void {
    if (this.search.active && !this.beforeSearch) this.beforeSearch = { selectedId: this.selectedId, anchor: this.anchor };
    this.search.run(placeOfView(this.view), now, keptId);
    if (!this.search.active) void this.backToTheList();
  }

  /** Searches with a kept search, in the feed or tag it looks in (opened first). */
  async openKeptSearch(saved: SavedSearch): Promise<void> {
    const { form, view } = formOfKept(saved.search);
    if (view) await this.chooseView(view);
    this.search.form = form;
    this.runSearch(true, saved.id);
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
    this.selectedId = before.selectedId;
    this.anchor = before.anchor;
    await this.reader.bringBack(before.selectedId);
  }

  /** Shows a change to articles in the loaded rows and the search results. */
  private show(change: Change): void {
    this.list = changed(this.list, change);
    if (this.anchor) this.anchor = { ...this.anchor, row: change(this.anchor.row) };
    const results = this.search.results;
    if (results) this.search.results = { ...results, hits: results.hits.map((h) => ({ ...h, article: change(h.article) })) };
  }
}
