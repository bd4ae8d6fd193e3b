// The app's state: which view is open, its articles, the article being read, refresh progress.
// Every change goes through the backend first; the UI only mirrors what was stored.
import { api, errorMessage, events, type Article, type ArticleCursor, type ArticleSummary, type ArticleView, type FeedSummary } from "./api";

export interface RefreshStatus {
  done: number;
  total: number;
}

function sameView(a: ArticleView, b: ArticleView): boolean {
  return a.kind === b.kind && (a.kind !== "feed" || (b.kind === "feed" && a.feedId === b.feedId));
}

export class Library {
  feeds = $state<FeedSummary[]>([]);
  view = $state<ArticleView>({ kind: "unread" });
  articles = $state<ArticleSummary[]>([]);
  next = $state<ArticleCursor | null>(null);
  selectedId = $state<number | null>(null);
  article = $state<Article | null>(null);
  refresh = $state<RefreshStatus | null>(null);
  notice = $state<string | null>(null);

  unreadTotal = $derived(this.feeds.reduce((sum, f) => sum + f.unreadCount, 0));

  async start(): Promise<void> {
    await Promise.all([
      events.onRefreshProgress((p) => {
        this.refresh = { done: p.done, total: p.total };
      }),
      events.onRefreshFinished((summary) => {
        this.refresh = null;
        if (summary.failed > 0) {
          this.notice = `${summary.failed} feed${summary.failed === 1 ? "" : "s"} could not be refreshed — see the marks in the sidebar.`;
        }
        void this.reload();
      }),
      events.onRefreshFailed((error) => {
        this.refresh = null;
        this.notice = error.message;
      }),
    ]);
    await this.reload();
  }

  /** Re-reads feeds and the current view, keeping the selection. */
  async reload(): Promise<void> {
    await Promise.all([this.loadFeeds(), this.loadView()]);
  }

  async loadFeeds(): Promise<void> {
    this.feeds = await this.attempt(api.listFeeds(), this.feeds);
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
    await this.loadFeeds();
  }

  async setBookmarked(bookmarked: boolean): Promise<void> {
    const article = this.article;
    if (!article) return;
    await this.attempt(api.setBookmarked(article.id, bookmarked), undefined);
    this.patch(article.id, { isBookmarked: bookmarked });
  }

  async addFeed(address: string): Promise<FeedSummary> {
    const outcome = await api.addFeed(address);
    if (outcome.kind === "choose") {
      throw new Error(`This site offers several feeds: ${outcome.candidates.map((c) => c.url).join(", ")}`);
    }
    await this.loadFeeds();
    await this.chooseView({ kind: "feed", feedId: outcome.feed.id });
    return outcome.feed;
  }

  async removeFeed(feed: FeedSummary): Promise<void> {
    await this.attempt(api.removeFeed(feed.id), undefined);
    if (this.view.kind === "feed" && this.view.feedId === feed.id) {
      await this.chooseView({ kind: "unread" });
    }
    await this.reload();
    this.notice = `Unsubscribed from ${feed.title}. Its bookmarked articles were kept.`;
  }

  startRefresh(): void {
    if (this.refresh) return;
    this.refresh = { done: 0, total: this.feeds.length };
    void this.attempt(api.refresh({ kind: "all" }), undefined);
  }

  cancelRefresh(): void {
    void this.attempt(api.cancelRefresh(), undefined);
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
