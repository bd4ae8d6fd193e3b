// The recovery screen's two commands. It runs before (or instead of) the library, so it keeps
// apart from api.ts, whose calls all need an open library.
import type { RecoveryAction } from "./bindings/RecoveryAction";
import type { RecoveryReport } from "./bindings/RecoveryReport";
import type { StartupProblem } from "./bindings/StartupProblem";

export type { RecoveryAction, RecoveryReport, StartupProblem };
export { recover, startupProblem } from "./bindings/commands";

/** What to tell the person after an action. */
export function outcomeText(action: RecoveryAction, report: RecoveryReport): string {
  if (action === "backUp" && report.copy) return `A copy of the file is at ${report.copy}.`;
  if (action === "startFresh" && report.copy) return `Your old file is kept at ${report.copy}.`;
  if (report.problem) return "It still could not be opened.";
  return "";
}
