// Keyboard shortcuts, kept apart from the DOM so they can be tested on their own.

export type Command =
  | "next"
  | "previous"
  | "toggleBookmark"
  | "toggleSaved"
  | "toggleRead"
  | "refresh";

const BINDINGS: Record<string, Command> = {
  j: "next",
  k: "previous",
  b: "toggleBookmark",
  s: "toggleSaved",
  m: "toggleRead",
  r: "refresh",
};

/** What each key does, for tooltips and the help list. */
export const SHORTCUTS: ReadonlyArray<[key: string, command: Command]> = Object.entries(BINDINGS) as [string, Command][];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when the key went to a text field, where letters are typing, not commands. */
  inTextField: boolean;
  /** True while a dialog or menu is open: its keys are its own. */
  overlayOpen: boolean;
}

export function commandFor(press: KeyPress): Command | null {
  if (press.inTextField || press.overlayOpen || press.ctrlKey || press.metaKey || press.altKey) return null;
  return BINDINGS[press.key] ?? null;
}

export function keyFor(command: Command): string {
  return SHORTCUTS.find(([, c]) => c === command)?.[0] ?? "";
}
