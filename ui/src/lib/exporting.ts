// Exporting articles to files: the choices the dialog offers and what it says afterwards.
import type { ExportFormat, ExportReport, ExportSelection } from "./api";
import { count } from "./format";

export const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; help: string }> = [
  { format: "markdown", label: "Markdown", help: "A .md file per article with its details at the top; pictures link to the web." },
  { format: "html", label: "HTML", help: "A self-contained .html file per article, with the pictures kept offline inside." },
];

/** What "Export bookmarks and saved articles…" can cover. */
export const COLLECTIONS: ReadonlyArray<{ selection: Exclude<ExportSelection, { one: number }>; label: string }> = [
  { selection: "bookmarksAndSaved", label: "Bookmarks and saved articles" },
  { selection: "bookmarks", label: "Bookmarks only" },
  { selection: "saved", label: "Saved articles only" },
];

export interface ExportSummary {
  /** "Exported 3 articles to /home/me/Reading." */
  headline: string;
  /** The folder the files went to, when any were written. */
  folder: string | null;
  /** About pictures an HTML export could not include. */
  note: string | null;
}

export function exportSummary(report: ExportReport, format: ExportFormat): ExportSummary {
  const folder = commonFolder(report.written);
  const written = report.written.length;
  const headline = written === 0
    ? "There was nothing to export."
    : `Exported ${count(written, "article")} to ${folder ?? "the folder you chose"}.`;
  const missing = format === "html" ? report.missingImages : 0;
  const note = missing === 0
    ? null
    : `${count(missing, "picture")} could not be included: ${missing === 1 ? "it was" : "they were"} never kept offline.`;
  return { headline, folder, note };
}

/** The folder holding every one of `paths` (Unix or Windows); `null` when there are none. */
export function commonFolder(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  const separator = paths[0].includes("\\") && !paths[0].includes("/") ? "\\" : "/";
  const folders = paths.map((path) => path.split(separator).slice(0, -1));
  const shared: string[] = [];
  for (let i = 0; folders.every((parts) => i < parts.length && parts[i] === folders[0][i]); i++) {
    shared.push(folders[0][i]);
  }
  const folder = shared.join(separator);
  return folder === "" ? separator : folder;
}
