// Actions that can be taken back — marking many articles read at once, deleting a folder — and
// taking them back: with the Undo of the toast each shows, or Ctrl+Z (⌘Z) for the newest one.
import { api } from "./api";
import { FAILED, Reading } from "./reading.svelte";
import { UndoStack, type Undoable } from "./undo";

export abstract class Undoing extends Reading {
  private undoable = new UndoStack();

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
    await Promise.all([this.countsChanged(), this.loadView()]);
    const shown = this.article && this.articles.find((a) => a.id === this.article?.id);
    if (this.article && shown) this.article = { ...this.article, isRead: shown.isRead };
    this.say(undone ? entry.undone : "That can no longer be undone.");
  }
}
