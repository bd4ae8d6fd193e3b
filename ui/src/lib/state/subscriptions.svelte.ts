// What the person is subscribed to, as the sidebar shows it: feeds, folders, tags, kept searches,
// and the counts beside the smart views. Read again whenever something changes them; never
// changed here.
import { api, type FeedSummary, type Folder, type SavedSearch, type Tag, type ViewCounts } from "../api";
import { NO_COUNTS } from "../views";
import { FAILED, type Notices } from "./notices.svelte";

export class Subscriptions {
  /** Raw, without a proxy per feed (2,000 of them in a big library): both are replaced whole, never changed in place. */
  feeds = $state.raw<FeedSummary[]>([]);
  folders = $state.raw<Folder[]>([]);
  counts = $state<ViewCounts>(NO_COUNTS);
  /** The tags in use, by name, with their counts. */
  tags = $state.raw<Tag[]>([]);
  /** The kept searches, by name, with the unread articles each finds. */
  savedSearches = $state.raw<SavedSearch[]>([]);
  /** Each feed's icon address, for the list's rows; a feed without one is not in it. */
  readonly icons = $derived(new Map(this.feeds.flatMap((feed) => (feed.icon ? [[feed.id, feed.icon] as const] : []))));

  /**
   * Read again with the counts, which every change to articles reads again: an account's
   * changes waiting to be sent move with them (./accounts.svelte.ts).
   */
  readAlso: (() => Promise<void>)[] = [];

  constructor(private notices: Notices) {}

  /** Feeds, folders, tags, kept searches and the smart views' counts: what the sidebar shows. */
  async load(): Promise<void> {
    const [feeds, folders, counts, tags, savedSearches] = await Promise.all([
      this.notices.attempt(api.listFeeds()),
      this.notices.attempt(api.listFolders()),
      this.notices.attempt(api.viewCounts()),
      this.notices.attempt(api.listTags()),
      this.notices.attempt(api.listSavedSearches()),
      ...this.readAlso.map((read) => read()),
    ]);
    // What could not be read stays as it was on screen.
    if (feeds !== FAILED) this.feeds = feeds;
    if (folders !== FAILED) this.folders = folders;
    if (counts !== FAILED) this.counts = counts;
    if (tags !== FAILED) this.tags = tags;
    if (savedSearches !== FAILED) this.savedSearches = savedSearches;
  }
}
