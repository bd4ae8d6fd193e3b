// What saving a page says when it is done.
import type { SaveOutcome } from "./api";

/** The toast after a save: the title, or why the page was kept as a link only. */
export function savedText(outcome: SaveOutcome): string {
  return outcome.note ?? `Saved “${outcome.article.title}” to read later.`;
}

/** The toast while a dropped link is being saved: its host is enough to recognise it. */
export function savingText(address: string): string {
  try {
    return `Saving ${new URL(address).host}…`;
  } catch {
    return "Saving…";
  }
}
