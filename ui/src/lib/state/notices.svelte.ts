// What the app says to the person: one toast at a time, the actions it can take back (with the
// toast's Undo, or Ctrl+Z / ⌘Z for the newest), and the one way a failed command is told.
import { api, errorMessage } from "../api";
import { UndoStack, type Undoable } from "../undo";

/** What `Notices.attempt` answers for a command that failed (the person was told why). */
export const FAILED = Symbol("failed");
export type Answer<T> = T | typeof FAILED;

/** A toast: one sentence, and at most one thing to do about it. It goes by itself (../toast.ts). */
export interface Notice {
  text: string;
  action?: { label: string; run: () => void };
}

/** An action that can be taken back, and what to read again once it is. */
interface UndoEntry extends Undoable {
  after: () => Promise<void>;
}

export class Notices {
  /** The toast on screen. Raw: its action is a callback, compared by identity. */
  current = $state.raw<Notice | null>(null);
  private undoable = new UndoStack<UndoEntry>();

  say(text: string): void {
    this.current = { text };
  }

  show(notice: Notice): void {
    this.current = notice;
  }

  dismiss(): void {
    this.current = null;
  }

  /**
   * The error policy of every command the UI sends that no dialog answers for: on failure the
   * person is told why, and the answer is `FAILED`, which the caller must check before it
   * goes on, so that nothing after a failure claims success. (Dialogs show the reason inside
   * themselves: the methods they call throw, and say so.)
   */
  async attempt<T>(promise: Promise<T>): Promise<Answer<T>> {
    try {
      return await promise;
    } catch (error) {
      this.say(errorMessage(error));
      return FAILED;
    }
  }

  /**
   * Says `text` with an Undo for the backend's `token`; once it is undone, `after` reads again
   * what it changed and `undone` is said.
   */
  offerUndo(text: string, token: number, undone: string, after: () => Promise<void>): void {
    const entry: UndoEntry = { token, undone, after };
    this.undoable.push(entry);
    const run = () => {
      if (this.undoable.take(entry)) void this.undo(entry);
    };
    this.current = { text, action: { label: "Undo", run } };
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

  private async undo(entry: UndoEntry): Promise<void> {
    const undone = await this.attempt(api.undo(entry.token));
    if (undone === FAILED) {
      // Nothing was taken back: it can be tried again.
      this.undoable.push(entry);
      return;
    }
    await entry.after();
    this.say(undone ? entry.undone : "That can no longer be undone.");
  }
}
