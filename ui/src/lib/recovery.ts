// The recovery screen's two commands. It runs before (or instead of) the library, so it keeps
// apart from api.ts, whose calls all need an open library.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppEvent } from "./bindings/AppEvent";
import { APP_EVENT } from "./bindings/commands";
import type { RecoveryAction } from "./bindings/RecoveryAction";
import type { RecoveryReport } from "./bindings/RecoveryReport";
import type { StartupProblem } from "./bindings/StartupProblem";

export type { RecoveryAction, RecoveryReport, StartupProblem };
export { recover, startupProblem } from "./bindings/commands";

/** What to tell the person after an action. */
export function outcomeText(action: RecoveryAction, report: RecoveryReport): string {
  if (action === "backUp" && report.copy) return `A copy of the file is at ${report.copy}.`;
  if (action === "startFresh" && report.copy) return `Your old file is kept at ${report.copy}.`;
  if (report.problem?.damaged) return "It is still damaged.";
  if (report.problem) return "It still could not be opened.";
  return "";
}

/** Calls `handle` when a check of the library in use finds its file damaged. */
export function onLibraryDamaged(handle: (problem: StartupProblem) => void): Promise<UnlistenFn> {
  return listen<AppEvent>(APP_EVENT, (event) => {
    if (event.payload.kind === "libraryDamaged") handle(event.payload.details);
  });
}
