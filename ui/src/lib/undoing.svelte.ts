// Actions that can be taken back — marking many articles read at once, deleting a folder — and
// taking them back: with the Undo of the toast each shows, or Ctrl+Z (⌘Z) for the newest one.
// The rule of what is marked lives in the backend; here, showing it at once and saying so.
import { api, type ArticleSummary, type Side } from "./api";
import { isBeside } from "./articleMenu";
import { cursorOf } from "./loaded";
import { FAILED, Reading } from "./reading.svelte";
import { markedText, unmarkedText, UndoStack, type Undoable } from "./undo";
import { sameView } from "./views";

export abstract class Undoing extends Reading {
  private undoable = new UndoStack();

  /** Marks read the view's unread articles above (or below) `row` as the list shows them, with Undo. */
  async markReadBeside(row: ArticleSummary, side: Side): Promise<void> {
    if (this.search.active) {
      this.say("Search results are not a view: leave the search (Escape) to mark a view read.");
      return;
    }
    const view = this.view;
    const options = this.options;
    const at = cursorOf(row);
    const marked = await this.attempt(this.changes.track(api.markReadBeside(view, options, at, side)));
    if (marked === FAILED) return;
    if (marked.count === 0) {
      this.say(`Nothing ${side} it is unread.`);
      return;
    }
    if (sameView(view, this.view)) {
      this.apply((a) => (isBeside(a, at, side, options.oldestFirst) ? { ...a, isRead: true } : a));
    }
    await this.countsChanged();
    this.offerUndo(markedText(marked.count), marked.undo, unmarkedText(marked.count));
  }

  protected offerUndo(text: string, token: number, undone: string): void {
    const entry: Undoable = { token, undone };
    this.undoable.push(entry);
    const run = () => {
      if (this.undoable.take(entry)) void this.undo(entry);
    };
    this.notice = { text, action: { label: "Undo", run } };
  }

  /** Ctrl+Z (⌘Z): takes back the newest action that can still be. */
  async undoLast(): Promise<void> {
    const entry = this.undoable.pop();
    if (!entry) {
      this.say("Nothing to undo.");
      return;
    }
    await this.undo(entry);
  }

  private async undo(entry: Undoable): Promise<void> {
    const undone = await this.attempt(api.undo(entry.token));
    if (undone === FAILED) {
      // Nothing was taken back: it can be tried again.
      this.undoable.push(entry);
      return;
    }
    await Promise.all([this.countsChanged(), this.reloadView()]);
    const shown = this.article && this.articles.find((a) => a.id === this.article?.id);
    if (this.article && shown) this.article = { ...this.article, isRead: shown.isRead };
    this.say(undone ? entry.undone : "That can no longer be undone.");
  }
}
