// Keyboard shortcuts, kept apart from the DOM so they can be tested on their own. One table says
// which keys do what; the shortcut sheet (?), tooltips and README are written from it.

export type Command =
  | "next"
  | "previous"
  | "nextUnread"
  | "previousUnread"
  | "page"
  | "open"
  | "openInBrowser"
  | "toggleBookmark"
  | "toggleSaved"
  | "toggleRead"
  | "editTags"
  | "highlight"
  | "noteArticle"
  | "markAllRead"
  | "refresh"
  | "search"
  | "goAll"
  | "goUnread"
  | "goBookmarks"
  | "undo"
  | "help";

export interface Shortcut {
  /** What the key event says (`key`), space-separated for a sequence ("g a"); "Mod+" for Ctrl, or ⌘ on macOS. */
  keys: string;
  command: Command;
  /** What it does, for the shortcut sheet. */
  action: string;
}

/** Every shortcut, in the order the shortcut sheet lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: "j", command: "next", action: "Next article" },
  { keys: "k", command: "previous", action: "Previous article" },
  { keys: "n", command: "nextUnread", action: "Next unread article" },
  { keys: "p", command: "previousUnread", action: "Previous unread article" },
  { keys: " ", command: "page", action: "Page down the article, then go to the next unread one" },
  { keys: "o", command: "open", action: "Open the selected article" },
  { keys: "Enter", command: "open", action: "Open the selected article" },
  { keys: "v", command: "openInBrowser", action: "Open the article in your browser" },
  { keys: "b", command: "toggleBookmark", action: "Bookmark / remove bookmark" },
  { keys: "s", command: "toggleSaved", action: "Save for later / remove from Saved" },
  { keys: "m", command: "toggleRead", action: "Mark read / unread" },
  { keys: "t", command: "editTags", action: "Tag the article" },
  { keys: "h", command: "highlight", action: "Highlight the words selected in the article" },
  { keys: "N", command: "noteArticle", action: "Write a note on the article" },
  { keys: "A", command: "markAllRead", action: "Mark every article in the view read (with Undo)" },
  { keys: "Mod+z", command: "undo", action: "Undo the last mark read or folder deletion" },
  { keys: "r", command: "refresh", action: "Refresh all feeds" },
  { keys: "/", command: "search", action: "Search" },
  { keys: "g a", command: "goAll", action: "Go to All articles" },
  { keys: "g u", command: "goUnread", action: "Go to Unread" },
  { keys: "g b", command: "goBookmarks", action: "Go to Bookmarks" },
  { keys: "?", command: "help", action: "Show these shortcuts" },
];

/** Whether the keyboard's command key is ⌘ rather than Ctrl. */
function onMac(): boolean {
  return typeof navigator !== "undefined" && /^Mac/.test(navigator.platform);
}

/** A key as people read it on a keyboard: "Space", "Shift+A", "g then a", "Ctrl+Z" (or "⌘Z"). */
export function keyLabel(keys: string, mac = onMac()): string {
  if (keys === " ") return "Space";
  if (keys.startsWith("Mod+")) return `${mac ? "⌘" : "Ctrl+"}${keys.slice(4).toUpperCase()}`;
  if (/^[A-Z]$/.test(keys)) return `Shift+${keys}`;
  return keys.split(" ").join(" then ");
}

/** The first key of a command, for tooltips: "Bookmark (b)". */
export function keyFor(command: Command): string {
  const shortcut = SHORTCUTS.find((s) => s.command === command);
  return shortcut ? keyLabel(shortcut.keys) : "";
}

const BINDINGS = new Map<string, Command>(SHORTCUTS.map((s) => [s.keys, s.command]));
/** First keys of sequences ("g" of "g a"). */
const PREFIXES = new Set(SHORTCUTS.filter((s) => s.keys.includes(" ") && s.keys !== " ").map((s) => s.keys.split(" ")[0]));
/** How long the second key of a sequence may wait. */
export const SEQUENCE_MS = 1500;

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when the key went to a text field, where letters are typing, not commands. */
  inTextField: boolean;
  /** True when the key went to a button, link or other control that Space and Enter press. */
  onControl?: boolean;
  /** True while a dialog or menu is open: its keys are its own. */
  overlayOpen: boolean;
}

/** Reads shortcuts from key presses, remembering the first key of a sequence for a moment. */
export class KeyReader {
  private pending: { key: string; at: number } | null = null;

  constructor(private clock: () => number = () => Date.now()) {}

  /** The command `press` completes, if any. The first key of a sequence gives `null`. */
  read(press: KeyPress): Command | null {
    const pending = this.pending;
    this.pending = null;
    if (press.inTextField || press.overlayOpen || press.altKey) return null;
    // Ctrl (⌘) with a key is the app's only when the table binds it; the rest are the system's.
    if (press.ctrlKey || press.metaKey) return BINDINGS.get(`Mod+${press.key}`) ?? null;
    if ((press.key === " " || press.key === "Enter") && press.onControl) return null;
    const now = this.clock();
    if (pending && now - pending.at <= SEQUENCE_MS) {
      const command = BINDINGS.get(`${pending.key} ${press.key}`);
      if (command) return command;
    }
    if (PREFIXES.has(press.key)) {
      this.pending = { key: press.key, at: now };
      return null;
    }
    return BINDINGS.get(press.key) ?? null;
  }
}
