// Moving through the list: the next or previous row, the next or previous unread one, and the
// rows that scrolled past (for "mark read when scrolled past").
import type { ArticleSummary } from "./api";

/** The row `delta` rows from the selected one, kept within the list; the first (or last) when none is selected. */
export function stepIndex(count: number, current: number, delta: number): number | null {
  if (count === 0) return null;
  const target = current === -1 ? (delta > 0 ? 0 : count - 1) : current + delta;
  return Math.max(0, Math.min(count - 1, target));
}

/** The nearest unread row after (or before) `current`, which is not itself counted. */
export function unreadIndex(rows: readonly Pick<ArticleSummary, "isRead">[], current: number, direction: 1 | -1): number | null {
  for (let i = current + direction; i >= 0 && i < rows.length; i += direction) {
    if (!rows[i].isRead) return i;
  }
  return null;
}

/** The unread rows that scrolled out of view above, going down from `fromFirst` to `toFirst`. */
export function scrolledPast(rows: readonly Pick<ArticleSummary, "id" | "isRead">[], fromFirst: number, toFirst: number): number[] {
  const ids: number[] = [];
  for (let i = Math.max(0, fromFirst); i < Math.min(toFirst, rows.length); i++) {
    if (!rows[i].isRead) ids.push(rows[i].id);
  }
  return ids;
}
