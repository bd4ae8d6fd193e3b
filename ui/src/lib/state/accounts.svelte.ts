// Accounts on feed services beside the library on this computer: the list the sidebar's
// sections and Settings show, adding and removing them, giving a password again, and syncing. What a sync changed
// (feeds, folders, counts, the articles in view) is read again when core says it finished,
// whoever started it.
import { api, events, type Account, type NewAccount, type SyncSummary } from "../api";
import { passwordNotKeptText, refusedText } from "../accounts";
import type { ArticleList } from "./articleList.svelte";
import { FAILED, type Notices } from "./notices.svelte";
import type { OpenArticle } from "./openArticle.svelte";

export class Accounts {
  /** Every account, the library on this computer first. Replaced whole. */
  list = $state.raw<Account[]>([]);
  /** The accounts whose sync this window asked for and has not heard the end of. */
  syncing = $state.raw<ReadonlySet<number>>(new Set());

  constructor(
    private notices: Notices,
    private articles: ArticleList,
    private reader: OpenArticle,
  ) {}

  async load(): Promise<void> {
    const accounts = await this.notices.attempt(api.listAccounts());
    if (accounts !== FAILED) this.list = accounts;
  }

  /** Follows every sync's end, the ones this window asked for and any other. */
  async listen(): Promise<void> {
    await events.onSyncFinished((summary) => void this.synced(summary));
  }

  private async synced(summary: SyncSummary): Promise<void> {
    const refused = refusedText(summary.refused);
    if (refused) this.notices.say(refused);
    // The list's reload reads the sidebar again, and with it the accounts.
    await this.articles.reload();
    // An article on screen may have been read or bookmarked on the server.
    this.reader.follow(this.articles.articles);
  }

  /**
   * Adds an account once its server accepted the login, then syncs it (in the background: the
   * sidebar's header shows it). Throws with the reason, for the dialog to show.
   */
  async add(account: NewAccount): Promise<Account> {
    const added = await api.addAccount(account);
    await this.load();
    if (added.passwordNotKept) this.notices.say(passwordNotKeptText(added));
    void this.syncNow(added.id);
    return added;
  }

  /**
   * Keeps a password given again once the account's server took it, then syncs (in the
   * background, as after adding). Throws with the server's reason, for the dialog to show.
   */
  async givePassword(account: Account, password: string): Promise<void> {
    const kept = await api.setAccountPassword(account.id, password);
    await this.load();
    if (kept.passwordNotKept) this.notices.say(passwordNotKeptText(kept));
    void this.syncNow(kept.id);
  }

  /** Removes an account and its feeds (its bookmarked articles stay). */
  async remove(account: Account): Promise<void> {
    if (await this.notices.attempt(api.removeAccount(account.id)) === FAILED) return;
    await this.articles.reload();
    this.notices.say(`Removed ${account.name}. Its bookmarked articles were kept.`);
  }

  /** Syncs one account now unless it is syncing already; a failure is said, and stays in its header. */
  async syncNow(accountId: number): Promise<void> {
    if (this.syncing.has(accountId)) return;
    this.syncing = new Set([...this.syncing, accountId]);
    try {
      await this.notices.attempt(api.syncAccount(accountId));
    } finally {
      const rest = new Set(this.syncing);
      rest.delete(accountId);
      this.syncing = rest;
    }
    // A failed sync sends its event too; reading the accounts here also covers one that never came.
    await this.load();
  }
}
