// Work the backend does in the background and the sidebar's bar reports: refreshing feeds (started
// by the person or the backend's schedule), importing OPML, reading articles' pages in full; and
// what each left to say.
import { api, errorMessage, events, type ImportReport, type RefreshScope, type WorkReport } from "../api";
import { workReported } from "../offline";
import { expectedTotal, finishedText, type RefreshStatus } from "../refresh";
import type { ArticleList } from "./articleList.svelte";
import { FAILED, type Notices } from "./notices.svelte";
import type { OpenArticle } from "./openArticle.svelte";
import type { Subscriptions } from "./subscriptions.svelte";

export class Refresh {
  /** The refresh in progress, whoever started it (the person or the backend's schedule). */
  status = $state<RefreshStatus | null>(null);
  /** What the last refresh left to say (failures), until dismissed or the next refresh. */
  note = $state<string | null>(null);
  /** The last refresh reached no server: its note says so once, so the feeds show no ⚠ each. */
  unreachable = $state(false);
  importing = $state<{ done: number; total: number } | null>(null);
  /** Feed articles whose pages are still to be read in full, and whether that waits for the network. */
  readingPages = $state<{ left: number; waiting: boolean }>({ left: 0, waiting: false });

  constructor(
    private notices: Notices,
    private subscriptions: Subscriptions,
    private list: ArticleList,
    private reader: OpenArticle,
  ) {}

  /** Follows the backend's reports of its work in the background. */
  async listen(): Promise<void> {
    await Promise.all([
      events.onRefreshProgress((p) => {
        this.status = { done: p.done, total: p.total };
        this.note = null;
      }),
      events.onRefreshFinished((summary) => {
        this.status = null;
        this.note = finishedText(summary);
        this.unreachable = summary.offline;
        void this.list.reload();
      }),
      events.onRefreshFailed((error) => {
        this.status = null;
        this.note = error.message;
        this.unreachable = false;
      }),
      events.onImportProgress((done, total) => {
        this.importing = { done, total };
      }),
      events.onWorkReport((report) => this.workReported(report)),
    ]);
  }

  /** An article's pictures were kept (or put off), or its page was read at last. */
  private workReported(report: WorkReport): void {
    this.reader.offline = workReported(this.reader.offline, report);
    if (report.kind === "pageRead") void Promise.all([this.list.reloadView(), this.countPagesToRead()]);
    if (report.kind === "waitingForNetwork" && this.readingPages.left > 0) this.readingPages = { ...this.readingPages, waiting: true };
    void this.reader.showAgain(report.articleId);
  }

  /** Starts refreshing `scope` unless a refresh is already under way (its bar is showing). */
  start(scope: RefreshScope = { kind: "all" }): void {
    if (this.status) {
      // Refreshing everything joins the refresh under way; a feed or folder would be skipped.
      if (scope.kind === "feed" || scope.kind === "folder") this.notices.say("A refresh is under way; try again when it ends.");
      return;
    }
    this.note = null;
    this.status = { done: 0, total: expectedTotal(scope, this.subscriptions.feeds) };
    api.refresh(scope).catch((error: unknown) => {
      this.status = null;
      this.notices.say(errorMessage(error));
    });
  }

  cancel(): void {
    void this.notices.attempt(api.cancelRefresh());
  }

  /** Takes away what the last refresh said, and with it the silence about each feed's ⚠. */
  dismissNote(): void {
    this.note = null;
    this.unreachable = false;
  }

  /** Imports an OPML file the person picks, then fetches the new feeds. `null` when cancelled or refused. */
  async importOpml(): Promise<ImportReport | null> {
    try {
      const report = await api.importOpml();
      if (report) {
        await this.subscriptions.load();
        this.start({ kind: "due" });
      }
      return report;
    } catch (error) {
      this.notices.say(errorMessage(error));
      return null;
    } finally {
      this.importing = null;
    }
  }

  /** "Load full text": reads the article on screen from its page, in the background. */
  async readFullText(): Promise<void> {
    const article = this.reader.article;
    if (!article || await this.notices.attempt(api.readFullArticle(article.id)) === FAILED) return;
    this.reader.pageRequested(article.id);
    await this.countPagesToRead();
  }

  async countPagesToRead(): Promise<void> {
    const left = await this.notices.attempt(api.pagesToRead());
    if (left === FAILED) return;
    this.readingPages = { left, waiting: left > 0 && this.readingPages.waiting };
  }

  /** Stops reading articles in full (what was read stays). */
  async stopReadingPages(): Promise<void> {
    if (await this.notices.attempt(api.stopReadingPages()) === FAILED) return;
    await this.countPagesToRead();
    if (this.reader.article?.pagePending) void this.reader.showAgain(this.reader.article.id);
  }
}
