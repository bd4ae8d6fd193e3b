// The actions that can be taken back (marking many articles read, deleting a folder), newest
// last: a toast's Undo takes back its own, Ctrl+Z (⌘Z) the newest. The backend keeps what each
// changed (crates/core/src/library/undo.rs) and says when one is too old.
import { count } from "./format";

/** One action: the backend's token for it, and what taking it back did, to say so. */
export interface Undoable {
  token: number;
  /** "Marked 5 articles unread again." */
  undone: string;
}

/** As many as the backend keeps: older ones can no longer be undone anyway. */
export const KEPT = 8;

export class UndoStack<T extends Undoable = Undoable> {
  private entries: T[] = [];

  push(entry: T): void {
    this.entries = [...this.entries, entry].slice(-KEPT);
  }

  /** Takes the newest out, to undo it. */
  pop(): T | undefined {
    const newest = this.entries.at(-1);
    this.entries = this.entries.slice(0, -1);
    return newest;
  }

  /** Takes `entry` out (its own Undo was used), wherever it is. */
  take(entry: T): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e !== entry);
    return this.entries.length < before;
  }
}

/** The toast after marking many articles read. */
export function markedText(marked: number): string {
  return `Marked ${count(marked, "article")} read.`;
}

export function unmarkedText(marked: number): string {
  return `Marked ${count(marked, "article")} unread again.`;
}

/** The toast after deleting a folder that held `feeds` feeds. */
export function folderDeletedText(name: string, feeds: number): string {
  if (feeds === 0) return `Deleted the folder ${name}.`;
  const kept = feeds === 1 ? "Its feed is kept" : `Its ${feeds} feeds are kept`;
  return `Deleted the folder ${name}. ${kept}, outside any folder.`;
}

export function folderBackText(name: string, feeds: number): string {
  if (feeds === 0) return `The folder ${name} is back.`;
  return `The folder ${name} is back, with ${feeds === 1 ? "its feed" : `its ${feeds} feeds`}.`;
}
