// The app's state: subscriptions, which view is open, its articles, the article being read,
// refresh and import progress. Every change goes through the backend first; the UI only mirrors
// what was stored.
import {
  api, errorMessage, events, type AddFeedOutcome, type Article, type ArticleCursor, type ArticleSummary,
  type ArticleView, type FeedSummary, type Folder, type ImportReport, type RefreshScope,
} from "./api";
import { expectedTotal, finishedText, type RefreshStatus } from "./refresh";
import { sameView } from "./views";

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
  notice = $state<string | null>(null);

  unreadTotal = $derived(this.feeds.reduce((sum, f) => sum + f.unreadCount, 0));

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
    ]);
    await this.reload();
  }

  /** Re-reads the sidebar and the current view, keeping the selection. */
  async reload(): Promise<void> {
    await Promise.all([this.loadSidebar(), this.loadView()]);
  }

  async loadSidebar(): Promise<void> {
    const [feeds, folders] = await Promise.all([
      this.attempt(api.listFeeds(), this.feeds),
      this.attempt(api.listFolders(), this.folders),
    ]);
    this.feeds = feeds;
    this.folders = folders;
  }

  async chooseView(view: ArticleView): Promise<void> {
    if (!sameView(view, this.view)) {
      this.view = view;
      this.selectedId = null;
      this.article = null;
    }
    await this.loadView();
  }

  async loadView(): Promise<void> {
    const view = this.view;
    const page = await this.attempt(api.listArticles(view), null);
    if (!page || !sameView(view, this.view)) return;
    this.articles = page.articles;
    this.next = page.next;
  }

  async loadMore(): Promise<void> {
    const view = this.view;
    const after = this.next;
    if (!after) return;
    this.next = null;
    const page = await this.attempt(api.listArticles(view, after), null);
    if (!page || !sameView(view, this.view)) return;
    this.articles = [...this.articles, ...page.articles];
    this.next = page.next;
  }

  async open(id: number): Promise<void> {
    this.selectedId = id;
    const article = await this.attempt(api.getArticle(id), null);
    if (!article || this.selectedId !== id) return;
    this.article = article;
    if (!article.isRead) await this.setRead(true);
  }

  /** Moves the selection by `delta` rows and opens that article. */
  async move(delta: number): Promise<void> {
    if (this.articles.length === 0) return;
    const index = this.articles.findIndex((a) => a.id === this.selectedId);
    const target = index === -1 ? (delta > 0 ? 0 : this.articles.length - 1) : index + delta;
    const row = this.articles[Math.max(0, Math.min(this.articles.length - 1, target))];
    if (row.id !== this.selectedId) await this.open(row.id);
    if (target >= this.articles.length - 5) await this.loadMore();
  }

  async setRead(read: boolean): Promise<void> {
    const article = this.article;
    if (!article) return;
    await this.attempt(api.setRead(article.id, read), undefined);
    this.patch(article.id, { isRead: read });
    await this.loadSidebar();
  }

  async setBookmarked(bookmarked: boolean): Promise<void> {
    const article = this.article;
    if (!article) return;
    await this.attempt(api.setBookmarked(article.id, bookmarked), undefined);
    this.patch(article.id, { isBookmarked: bookmarked });
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
    this.notice = `Unsubscribed from ${feed.title}. Its bookmarked articles were kept.`;
  }

  /** Gives a feed a name; `null` gives back the feed's own title. Throws with the reason. */
  async renameFeed(feed: FeedSummary, title: string | null): Promise<void> {
    await api.renameFeed(feed.id, title);
    await this.reload();
  }

  /** Moves a feed into a folder, or to the top level with `null`. */
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
    this.notice = `Deleted the folder ${folder.name}. Its feeds are kept, outside any folder.`;
  }

  /** Starts refreshing `scope` unless a refresh is already under way (its bar is showing). */
  startRefresh(scope: RefreshScope = { kind: "all" }): void {
    if (this.refresh) {
      // Refreshing everything joins the refresh under way; a feed or folder would be skipped.
      if (scope.kind === "feed" || scope.kind === "folder") this.notice = "A refresh is under way; try again when it ends.";
      return;
    }
    this.refreshNote = null;
    this.refresh = { done: 0, total: expectedTotal(scope, this.feeds) };
    api.refresh(scope).catch((error: unknown) => {
      this.refresh = null;
      this.notice = errorMessage(error);
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
      this.notice = errorMessage(error);
      return null;
    } finally {
      this.importing = null;
    }
  }

  async exportOpml(): Promise<void> {
    const path = await this.attempt(api.exportOpml(), null);
    if (path) this.notice = `Saved your subscriptions to ${path}`;
  }

  openInBrowser(url: string): void {
    void this.attempt(api.openInBrowser(url), undefined);
  }

  private patch(id: number, change: Partial<ArticleSummary>): void {
    this.articles = this.articles.map((a) => (a.id === id ? { ...a, ...change } : a));
    if (this.article?.id === id) this.article = { ...this.article, ...change };
  }

  /** Runs a command; on failure shows why and returns `fallback`. */
  private async attempt<T>(promise: Promise<T>, fallback: T): Promise<T> {
    try {
      return await promise;
    } catch (error) {
      this.notice = errorMessage(error);
      return fallback;
    }
  }
}
