// The app's state: subscriptions, their counts, refresh and import progress, settings, saving
// pages — on top of what is on screen and being read (./reading.svelte.ts). Every change goes
// through the backend; the UI only mirrors what was stored.
import {
  api, errorMessage, events, type AddFeedOutcome, type FeedSummary, type Folder, type ImportReport, type RefreshScope,
  type SaveOutcome, type Settings, type ViewCounts,
} from "./api";
import { firstWebUrl } from "./drop";
import { savedNow, workReported } from "./offline";
import { FAILED } from "./reading.svelte";
import { expectedTotal, finishedText, type RefreshStatus } from "./refresh";
import { alreadySubscribedText } from "./subscriptions";
import { savedText, savingText } from "./saving";
import { folderBackText, folderDeletedText } from "./undo";
import { Undoing } from "./undoing.svelte";
import { NO_COUNTS, sameView } from "./views";

export type { Notice } from "./reading.svelte";

export class Library extends Undoing {
  /** Raw, without a proxy per feed (2,000 of them in a big library): both are replaced whole, never changed in place. */
  feeds = $state.raw<FeedSummary[]>([]);
  folders = $state.raw<Folder[]>([]);
  /** The refresh in progress, whoever started it (the person or the backend's schedule). */
  refresh = $state<RefreshStatus | null>(null);
  /** What the last refresh left to say (failures), until dismissed or the next refresh. */
  refreshNote = $state<string | null>(null);
  /** The last refresh reached no server: its note says so once, so the feeds show no ⚠ each. */
  unreachable = $state(false);
  importing = $state<{ done: number; total: number } | null>(null);
  /** Feed articles whose pages are still to be read in full, and whether that waits for the network. */
  readingPages = $state<{ left: number; waiting: boolean }>({ left: 0, waiting: false });
  /** As stored; `null` until loaded. */
  settings = $state<Settings | null>(null);
  counts = $state<ViewCounts>(NO_COUNTS);
  /** The sidebar and the first page have been read once (until then, no empty states). */
  loaded = $state(false);
  /** Nothing to read yet: no feeds, no saved pages, no bookmarks. */
  empty = $derived(this.loaded && this.feeds.length === 0 && this.articles.length === 0 && this.counts.saved === 0
    && this.counts.bookmarks === 0 && this.view.kind !== "feed" && this.view.kind !== "folder");
  /** Dropped links being saved, so that one drop seen twice is saved once. */
  private dropping = new Set<string>();

  async start(): Promise<void> {
    await Promise.all([
      events.onRefreshProgress((p) => {
        this.refresh = { done: p.done, total: p.total };
        this.refreshNote = null;
      }),
      events.onRefreshFinished((summary) => {
        this.refresh = null;
        this.refreshNote = finishedText(summary);
        this.unreachable = summary.offline;
        void this.reload();
      }),
      events.onRefreshFailed((error) => {
        this.refresh = null;
        this.refreshNote = error.message;
        this.unreachable = false;
      }),
      events.onImportProgress((done, total) => {
        this.importing = { done, total };
      }),
      events.onWorkReport((report) => {
        this.offline = workReported(this.offline, report);
        if (report.kind === "pageRead") void Promise.all([this.reloadView(), this.countPagesToRead()]);
        if (report.kind === "waitingForNetwork" && this.readingPages.left > 0) this.readingPages = { ...this.readingPages, waiting: true };
        void this.showAgain(report.articleId);
      }),
      events.onWindowDrop((uris) => {
        const url = firstWebUrl(uris);
        if (url) void this.saveDropped(url);
      }),
    ]);
    await Promise.all([this.reload(), this.loadSettings(), this.countPagesToRead()]);
    this.loaded = true;
  }

  async loadSettings(): Promise<void> {
    const settings = await this.attempt(api.getSettings());
    if (settings !== FAILED) this.settings = settings;
  }

  /** Throws with the reason. */
  async saveSettings(settings: Settings): Promise<void> {
    await api.setSettings(settings);
    this.settings = settings;
  }

  /** Re-reads the sidebar and the current view, keeping the selection and what is on screen. */
  async reload(): Promise<void> {
    await Promise.all([this.loadSidebar(), this.reloadView()]);
  }

  protected countsChanged(): Promise<void> {
    return this.loadSidebar();
  }

  /** Feeds, folders and the smart views' counts: what the sidebar shows. */
  async loadSidebar(): Promise<void> {
    const [feeds, folders, counts] = await Promise.all([
      this.attempt(api.listFeeds()),
      this.attempt(api.listFolders()),
      this.attempt(api.viewCounts()),
    ]);
    // What could not be read stays as it was on screen.
    if (feeds !== FAILED) this.feeds = feeds;
    if (folders !== FAILED) this.folders = folders;
    if (counts !== FAILED) this.counts = counts;
  }

  /** Saves a page to read later and says so. Throws with the reason. */
  async saveUrl(address: string): Promise<SaveOutcome> {
    const outcome = await api.saveUrl(address);
    const id = outcome.article.id;
    this.offline = savedNow(this.offline, id);
    this.notice = { text: savedText(outcome), action: { label: "Open", run: () => void this.showSaved(id) } };
    await this.reload();
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

  /**
   * Adds an address and shows the feed; a feed subscribed to already (at any of its addresses) is
   * shown and said so. A site offering several feeds comes back as a choice. Throws with the reason.
   */
  async addFeed(address: string): Promise<AddFeedOutcome> {
    const outcome = await api.addFeed(address);
    if (outcome.kind !== "choose") {
      await this.loadSidebar();
      await this.chooseView({ kind: "feed", feedId: outcome.feed.id });
    }
    if (outcome.kind === "alreadySubscribed") this.say(alreadySubscribedText(outcome.feed));
    return outcome;
  }

  /** Takes away what the last refresh said, and with it the silence about each feed's ⚠. */
  dismissRefreshNote(): void {
    this.refreshNote = null;
    this.unreachable = false;
  }

  async removeFeed(feed: FeedSummary): Promise<void> {
    if (await this.attempt(api.removeFeed(feed.id)) === FAILED) return;
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

  /** Reads each new article of a feed in full from its page, and its unread ones in the background; or no longer. */
  async setFullText(feed: FeedSummary, fullText: boolean): Promise<void> {
    if (await this.attempt(api.setFullText(feed.id, fullText)) === FAILED) return;
    await Promise.all([this.loadSidebar(), this.countPagesToRead()]);
  }

  /** "Load full text": reads the article on screen from its page, in the background. */
  async readFullText(): Promise<void> {
    const article = this.article;
    if (!article || await this.attempt(api.readFullArticle(article.id)) === FAILED) return;
    if (this.article?.id === article.id) this.article = { ...this.article, pagePending: "working" };
    await this.countPagesToRead();
  }

  async countPagesToRead(): Promise<void> {
    const left = await this.attempt(api.pagesToRead());
    if (left === FAILED) return;
    this.readingPages = { left, waiting: left > 0 && this.readingPages.waiting };
  }

  /** Stops reading articles in full (what was read stays). */
  async stopReadingPages(): Promise<void> {
    if (await this.attempt(api.stopReadingPages()) === FAILED) return;
    await this.countPagesToRead();
    if (this.article?.pagePending) void this.showAgain(this.article.id);
  }

  /** Moves a feed into a folder, or to the top level with `null`. */
  async moveFeed(feed: FeedSummary, folderId: number | null): Promise<void> {
    if (await this.attempt(api.moveFeed(feed.id, folderId)) === FAILED) return;
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

  /** Deletes a folder (its feeds are kept), with Undo. */
  async deleteFolder(folder: Folder): Promise<void> {
    const deleted = await this.attempt(api.deleteFolder(folder.id));
    if (deleted === FAILED) return;
    if (sameView(this.view, { kind: "folder", folderId: folder.id })) {
      await this.chooseView({ kind: "unread" });
    }
    await this.reload();
    this.offerUndo(folderDeletedText(folder.name, deleted.feeds), deleted.undo, folderBackText(folder.name, deleted.feeds));
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
    void this.attempt(api.cancelRefresh());
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
    const path = await this.attempt(api.exportOpml());
    if (path !== FAILED && path !== null) this.say(`Saved your subscriptions to ${path}`);
  }

  openInBrowser(url: string): void {
    void this.attempt(api.openInBrowser(url));
  }

}
