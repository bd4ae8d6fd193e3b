// What the refresh bar says. The backend refreshes for the person and on its own schedule; the
// bar follows both through the same events.
import type { FeedSummary, RefreshScope, RefreshSummary } from "./api";
import { count } from "./format";

export interface RefreshStatus {
  done: number;
  /** Unknown until the backend's first progress report (a refresh of due feeds). */
  total: number | null;
}

/** How many feeds a refresh of `scope` will cover, as far as the sidebar knows. */
export function expectedTotal(scope: RefreshScope, feeds: readonly FeedSummary[]): number | null {
  const active = feeds.filter((f) => f.status === "active");
  switch (scope.kind) {
    case "all": return active.length;
    case "folder": return active.filter((f) => f.folderId === scope.folderId).length;
    case "feed": return 1;
    case "due": return null;
  }
}

export function progressText(status: RefreshStatus): string {
  return status.total === null ? "Checking feeds…" : `${status.done} of ${count(status.total, "feed")}`;
}

/** Said once, in place of a ⚠ on every feed, when a refresh reached no server at all. */
export const OFFLINE_TEXT = "You seem to be offline: no feed could be reached. Check this computer's connection; Tidings tries again by itself.";

/** What stays in the bar after a refresh: only what needs attention. */
export function finishedText(summary: RefreshSummary): string | null {
  if (summary.offline) return OFFLINE_TEXT;
  if (summary.failed > 0) {
    const failed = summary.failed === 1 ? "1 feed could not be refreshed" : `${summary.failed} feeds could not be refreshed`;
    return `${summary.cancelled ? "Refresh cancelled. " : ""}${failed} — see ⚠ in the sidebar.`;
  }
  return null;
}

/** What reading articles in full in the background says while it lasts. */
export function readingText(reading: { left: number; waiting: boolean }): string {
  const left = count(reading.left, "article");
  return reading.waiting ? `Full articles will be read when you are back online (${left} left)` : `Reading full articles… ${left} left`;
}
