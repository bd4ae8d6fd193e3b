// The article on screen, and what reading does to articles: read, bookmarked and saved — shown at
// once wherever the article is shown (../changes.ts), written behind, taken back if the write
// fails — and its tags. Also what it waits for: its pictures kept offline, the images the setting holds back.
import { api, errorMessage, type Article, type ArticleSummary } from "../api";
import { onOpening } from "../appearance";
import { ChangeLog, changeOf } from "../changes";
import { beforeKeeping, NOTHING_KEPT, type OfflineState } from "../offline";
import { FAILED, type Notices } from "./notices.svelte";
import type { PreferencesState } from "./preferences.svelte";
import type { Subscriptions } from "./subscriptions.svelte";

export class OpenArticle {
  article = $state.raw<Article | null>(null);
  /** What is kept offline of the articles bookmarked or saved in this session, as it goes. */
  offline = $state.raw<OfflineState>(NOTHING_KEPT);
  /** The article on screen was loaded with the images the person's setting holds back. */
  imagesRequested = $state(false);
  /** Counts the times the article on screen was shown again with what arrived since (its pictures, its page). */
  shownAgain = $state(0);
  /** The article last asked for: an answer for an earlier one comes too late to be shown. */
  private wanted: number | null = null;
  private markReadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private notices: Notices,
    private preferences: PreferencesState,
    private changes: ChangeLog,
    private subscriptions: Subscriptions,
  ) {
    changes.listen((change) => {
      if (this.article) this.article = { ...this.article, ...change(this.article) };
    });
  }

  /** Shows an article; it counts as read as the person's preference says. */
  async open(id: number): Promise<void> {
    if (!(await this.fetch(id)) || !this.article || this.article.isRead) return;
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

  /** Shows `id` again as stored, not counted as read again (or nothing, for `null`). */
  async bringBack(id: number | null): Promise<void> {
    this.clear();
    if (id !== null) await this.fetch(id);
  }

  /** Nothing on screen (a new view was chosen). */
  clear(): void {
    this.stopMarkReadTimer();
    this.wanted = null;
    this.article = null;
  }

  /** Shows `id` unless another article was asked for meanwhile; false when it is not shown. */
  private async fetch(id: number): Promise<boolean> {
    this.wanted = id;
    this.stopMarkReadTimer();
    const article = await this.notices.attempt(api.getArticle(id));
    if (article === FAILED || this.wanted !== id) return false;
    this.imagesRequested = false;
    this.article = article;
    return true;
  }

  private stopMarkReadTimer(): void {
    if (this.markReadTimer !== null) clearTimeout(this.markReadTimer);
    this.markReadTimer = null;
  }

  /** Reloads the article on screen with the images the person's setting holds back. */
  async loadImages(): Promise<void> {
    const id = this.article?.id;
    if (id === undefined) return;
    const article = await this.notices.attempt(api.getArticle(id, true));
    if (article === FAILED || this.article?.id !== id) return;
    this.imagesRequested = true;
    this.article = article;
  }

  /** Shows the article on screen again if it is `id`: its pictures or its page arrived meanwhile. */
  async showAgain(id: number): Promise<void> {
    if (this.article?.id !== id) return;
    const article = await this.notices.attempt(api.getArticle(id, this.imagesRequested));
    if (article === FAILED || this.article?.id !== id) return;
    this.article = article;
    this.shownAgain++;
  }

  /** The list was read again (after an undo): the article on screen is read or not as it says. */
  follow(rows: readonly ArticleSummary[]): void {
    const shown = this.article && rows.find((a) => a.id === this.article?.id);
    if (this.article && shown) this.article = { ...this.article, isRead: shown.isRead };
  }

  /** Its page is being read in full, in the background. */
  pageRequested(id: number): void {
    if (this.article?.id === id) this.article = { ...this.article, pagePending: "working" };
  }

  /** Marks the article on screen (or another row's) read or unread; the list shows it at once. */
  async setRead(read: boolean, article: ArticleSummary | null = this.article): Promise<void> {
    if (!article) return;
    if (article.id === this.article?.id) this.stopMarkReadTimer();
    await this.change(article.id, { isRead: read }, { isRead: article.isRead }, api.setRead(article.id, read));
    await this.subscriptions.load();
  }

  /** Marks rows read that scrolled past (the "when scrolled past" preference). */
  async markRowsRead(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await Promise.all(ids.map((id) => this.change(id, { isRead: true }, { isRead: false }, api.setRead(id, true))));
    await this.subscriptions.load();
  }

  async setBookmarked(bookmarked: boolean, article: ArticleSummary | null = this.article): Promise<void> {
    if (!article) return;
    if (bookmarked) this.offline = beforeKeeping(this.offline, article);
    await this.change(article.id, { isBookmarked: bookmarked }, { isBookmarked: article.isBookmarked },
      api.setBookmarked(article.id, bookmarked));
    await this.subscriptions.load();
  }

  async setSaved(saved: boolean, article: ArticleSummary | null = this.article): Promise<void> {
    if (!article) return;
    if (saved) this.offline = beforeKeeping(this.offline, article);
    await this.change(article.id, { isSaved: saved }, { isSaved: article.isSaved }, api.setSaved(article.id, saved));
    await this.subscriptions.load();
  }

  /**
   * Puts tags on article `id` and takes others off; answers its tags as they stand then. Throws
   * with the reason when a name cannot be a tag (the tags dialog shows it).
   */
  async changeTags(id: number, add: readonly string[], remove: readonly string[]): Promise<string[]> {
    if (add.length > 0) await api.tagArticle(id, [...add]);
    if (remove.length > 0) await api.untagArticle(id, [...remove]);
    const { tags } = await api.getArticle(id);
    if (this.article?.id === id) this.article = { ...this.article, tags };
    await this.subscriptions.load();
    return tags;
  }

  /**
   * Shows a change to one article at once and writes it; if the write fails, the change is
   * taken back (`undo`) and the reason shown.
   */
  private async change(id: number, change: Partial<ArticleSummary>, undo: Partial<ArticleSummary>, write: Promise<void>): Promise<void> {
    this.changes.apply(changeOf(id, change));
    try {
      await this.changes.track(write);
    } catch (error) {
      this.changes.apply(changeOf(id, undo));
      this.notices.say(errorMessage(error));
    }
  }
}
