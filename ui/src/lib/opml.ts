// What an OPML import report says to a person.
import type { ImportReport, RejectedOutline } from "./api";
import { count } from "./format";

export interface ImportSummary {
  /** "12 feeds added, 3 already subscribed." */
  headline: string;
  /** Remarks about the file itself, such as where it was damaged. */
  notes: string[];
  /** Entries that were not imported, each named as well as the file allows. */
  refused: { name: string; url: string; reason: string }[];
}

/** An entry with neither title nor address is the importer talking about the whole file. */
function isNote(entry: RejectedOutline): boolean {
  return entry.title.trim() === "" && entry.url.trim() === "";
}

export function summariseImport(report: ImportReport): ImportSummary {
  return {
    headline: `${count(report.added, "feed")} added, ${report.alreadySubscribed} already subscribed.`,
    notes: report.rejected.filter(isNote).map((entry) => entry.reason),
    refused: report.rejected
      .filter((entry) => !isNote(entry))
      .map((entry) => ({ name: entry.title.trim() || entry.url, url: entry.url, reason: entry.reason })),
  };
}
