// Changing what the person is subscribed to: adding and unsubscribing, naming, reading in full,
// arranging feeds in folders, keeping searches. The sidebar's lists are then read again
// (./subscriptions.svelte.ts), and the view with them when it shows what changed.
import { api, type AddFeedOutcome, type FeedSettings, type FeedSummary, type Folder, type KeptSearch, type SavedSearch } from "../api";
import { alreadySubscribedText } from "../subscriptions";
import { folderBackText, folderDeletedText } from "../undo";
import { sameView } from "../views";
import type { ArticleList } from "./articleList.svelte";
import { FAILED, type Notices } from "./notices.svelte";
import type { Refresh } from "./refresh.svelte";
import type { Subscriptions } from "./subscriptions.svelte";

export class Subscribing {
  constructor(
    private notices: Notices,
    private subscriptions: Subscriptions,
    private list: ArticleList,
    private refresh: Refresh,
  ) {}

  /**
   * Adds an address and shows the feed; a feed subscribed to already (at any of its addresses) is
   * shown and said so. A site offering several feeds comes back as a choice. Throws with the reason.
   */
  async addFeed(address: string): Promise<AddFeedOutcome> {
    const outcome = await api.addFeed(address);
    if (outcome.kind !== "choose") {
      await this.subscriptions.load();
      await this.list.chooseView({ kind: "feed", feedId: outcome.feed.id });
    }
    if (outcome.kind === "alreadySubscribed") this.notices.say(alreadySubscribedText(outcome.feed));
    return outcome;
  }

  /**
   * Subscribes an account on a feed service to a feed, on its server, and shows the feed: core
   * syncs the account before answering, so its articles are there (or the account's last error
   * says why not: the subscription stands). Throws with the reason the server refused it.
   */
  async addFeedTo(accountId: number, address: string): Promise<FeedSummary> {
    const feed = await api.subscribeOnAccount(accountId, address);
    await this.subscriptions.load();
    await this.list.chooseView({ kind: "feed", feedId: feed.id });
    return feed;
  }

  async removeFeed(feed: FeedSummary): Promise<void> {
    if (await this.notices.attempt(api.removeFeed(feed.id)) === FAILED) return;
    if (sameView(this.list.view, { kind: "feed", feedId: feed.id })) {
      await this.list.chooseView({ kind: "unread" });
    }
    await this.list.reload();
    this.notices.say(`Unsubscribed from ${feed.title}. Its bookmarked articles were kept.`);
  }

  /** Gives a feed a name; `null` gives back the feed's own title. Throws with the reason. */
  async renameFeed(feed: FeedSummary, title: string | null): Promise<void> {
    await api.renameFeed(feed.id, title);
    await this.list.reload();
  }

  /** Reads each new article of a feed in full from its page, and its unread ones in the background; or no longer. */
  /** A feed's own settings, from Feed details; the sidebar's copy (which the dialog shows) is read again. */
  async setFeedSettings(feed: FeedSummary, settings: FeedSettings): Promise<void> {
    if (await this.notices.attempt(api.setFeedSettings(feed.id, settings)) === FAILED) return;
    await this.subscriptions.load();
  }

  async setFullText(feed: FeedSummary, fullText: boolean): Promise<void> {
    if (await this.notices.attempt(api.setFullText(feed.id, fullText)) === FAILED) return;
    await Promise.all([this.subscriptions.load(), this.refresh.countPagesToRead()]);
  }

  /** Moves a feed into a folder, or to the top level with `null`. */
  async moveFeed(feed: FeedSummary, folderId: number | null): Promise<void> {
    if (await this.notices.attempt(api.moveFeed(feed.id, folderId)) === FAILED) return;
    await this.list.reload();
  }

  /** Creates a folder (or finds the one with that name) and moves the feed into it. Throws with the reason. */
  async moveFeedToNewFolder(feed: FeedSummary, name: string): Promise<void> {
    const folderId = await api.createFolder(name);
    await api.moveFeed(feed.id, folderId);
    await this.list.reload();
  }

  /** Throws with the reason. */
  async renameFolder(folder: Folder, name: string): Promise<void> {
    await api.renameFolder(folder.id, name);
    await this.subscriptions.load();
  }

  /** Deletes a folder (its feeds are kept), with Undo. */
  async deleteFolder(folder: Folder): Promise<void> {
    const deleted = await this.notices.attempt(api.deleteFolder(folder.id));
    if (deleted === FAILED) return;
    if (sameView(this.list.view, { kind: "folder", folderId: folder.id })) {
      await this.list.chooseView({ kind: "unread" });
    }
    await this.list.reload();
    this.notices.offerUndo(folderDeletedText(folder.name, deleted.feeds), deleted.undo, folderBackText(folder.name, deleted.feeds),
      () => this.list.readAgainAfterUndo());
  }

  /** Keeps the search on screen in the sidebar under `name`. Throws with the reason it is refused. */
  async keepSearch(name: string, kept: KeptSearch): Promise<void> {
    const saved = await api.saveSearch(name, kept);
    await this.subscriptions.load();
    if (this.list.search.active) this.list.search.keptId = saved.id;
  }

  async renameKeptSearch(saved: SavedSearch, name: string): Promise<void> {
    await api.renameSavedSearch(saved.id, name);
    await this.subscriptions.load();
  }

  /** Forgets a kept search; the search on screen, if it is that one, stays. */
  async removeKeptSearch(saved: SavedSearch): Promise<void> {
    if ((await this.notices.attempt(api.removeSavedSearch(saved.id))) === FAILED) return;
    if (this.list.search.keptId === saved.id) this.list.search.keptId = null;
    await this.subscriptions.load();
  }

  async exportOpml(): Promise<void> {
    const path = await this.notices.attempt(api.exportOpml());
    if (path !== FAILED && path !== null) this.notices.say(`Saved your subscriptions to ${path}`);
  }
}
