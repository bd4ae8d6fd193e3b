// What the person changes (read, bookmarked, saved) shows at once. A list page asked for before
// a change reached the database would bring the old state back — a refresh finishing while
// someone reads would resurrect the unread dot they just cleared — so pages wait for the writes
// under way, and changes made while a page was on its way are replayed onto it.
//
// The log is also where a change is announced: each state that shows articles (the list, the
// article on screen) listens, so whoever makes a change need not know who shows it.
import type { ArticleSummary } from "./api";

export type Change = (row: ArticleSummary) => ArticleSummary;

/** Changes kept for replay; a page is never in flight for longer than a few of them. */
const KEPT = 500;

export class ChangeLog {
  private seq = 0;
  private entries: { seq: number; change: Change }[] = [];
  private writes = new Set<Promise<unknown>>();
  private listeners: ((change: Change) => void)[] = [];

  /** Where the log stands: take it before asking for a page, replay from it after. */
  get mark(): number {
    return this.seq;
  }

  record(change: Change): void {
    this.entries.push({ seq: ++this.seq, change });
    if (this.entries.length > KEPT) this.entries.shift();
  }

  /** `show` is told every change applied from now on, to show it at once. */
  listen(show: (change: Change) => void): void {
    this.listeners.push(show);
  }

  /** Keeps `change` for replay and shows it wherever articles are shown. */
  apply(change: Change): void {
    this.record(change);
    for (const show of this.listeners) show(change);
  }

  /** `rows` with every change made after `since` applied again. */
  replay(rows: ArticleSummary[], since: number): ArticleSummary[] {
    const later = this.entries.filter((e) => e.seq > since);
    if (later.length === 0) return rows;
    return rows.map((row) => later.reduce((r, e) => e.change(r), row));
  }

  /** Runs a write, remembered until it ends. */
  track<T>(write: Promise<T>): Promise<T> {
    this.writes.add(write);
    const forget = () => this.writes.delete(write);
    write.then(forget, forget);
    return write;
  }

  /** Waits for the writes under way now (whether they succeed or not). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writes]);
  }
}

/** A change to one article. */
export function changeOf(id: number, change: Partial<ArticleSummary>): Change {
  return (row) => (row.id === id ? { ...row, ...change } : row);
}
