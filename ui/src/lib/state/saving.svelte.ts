// Saving any page to read later: from Save a page… or a link dropped on the window.
import { api, errorMessage, type SaveOutcome } from "../api";
import { savedNow } from "../offline";
import { savedText, savingText } from "../saving";
import type { ArticleList } from "./articleList.svelte";
import type { Notices } from "./notices.svelte";
import type { OpenArticle } from "./openArticle.svelte";

export class Saving {
  /** Dropped links being saved, so that one drop seen twice is saved once. */
  private dropping = new Set<string>();

  constructor(
    private notices: Notices,
    private list: ArticleList,
    private reader: OpenArticle,
  ) {}

  /** Saves a page to read later and says so. Throws with the reason. */
  async saveUrl(address: string): Promise<SaveOutcome> {
    const outcome = await api.saveUrl(address);
    const id = outcome.article.id;
    this.reader.offline = savedNow(this.reader.offline, id);
    this.notices.show({ text: savedText(outcome), action: { label: "Open", run: () => void this.showSaved(id) } });
    await this.list.reload();
    return outcome;
  }

  /** Saves a link dropped on the window, with the progress and the outcome in a toast. */
  async saveDropped(address: string): Promise<void> {
    if (this.dropping.has(address)) return;
    this.dropping.add(address);
    this.notices.show({ text: savingText(address) });
    try {
      await this.saveUrl(address);
    } catch (error) {
      this.notices.show({ text: `Could not save ${address}: ${errorMessage(error)}` });
    } finally {
      this.dropping.delete(address);
    }
  }

  /** Opens a saved article in the Saved view. */
  private async showSaved(id: number): Promise<void> {
    await this.list.chooseView({ kind: "saved" });
    await this.list.open(id);
  }
}
