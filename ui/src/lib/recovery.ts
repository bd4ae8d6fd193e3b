// The recovery screen's two commands. It runs before (or instead of) the library, so it keeps
// apart from api.ts, whose calls all need an open library.
import { invoke } from "@tauri-apps/api/core";
import type { RecoveryAction } from "./bindings/RecoveryAction";
import type { RecoveryReport } from "./bindings/RecoveryReport";
import type { StartupProblem } from "./bindings/StartupProblem";

export type { RecoveryAction, RecoveryReport, StartupProblem };

/** Why the library could not be opened at startup, or null when it is open. The library opens
 * while the page loads; this answers once it has opened or failed, so the UI asks it first. */
export const startupProblem = (): Promise<StartupProblem | null> => invoke<StartupProblem | null>("startup_problem");

/** Retries, backs up, or starts fresh; the report's problem is null once the library is open. */
export const recover = (action: RecoveryAction): Promise<RecoveryReport> => invoke<RecoveryReport>("recover", { action });

/** What to tell the person after an action. */
export function outcomeText(action: RecoveryAction, report: RecoveryReport): string {
  if (action === "backUp" && report.copy) return `A copy of the file is at ${report.copy}.`;
  if (action === "startFresh" && report.copy) return `Your old file is kept at ${report.copy}.`;
  if (report.problem) return "It still could not be opened.";
  return "";
}
