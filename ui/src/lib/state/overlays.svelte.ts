// What floats above the panes: at most one dialog and one menu. While either is open the
// reading shortcuts are off.
import type { Account, FeedSummary, ImportReport } from "../api";
import type { MenuRequest } from "../menu";

/** A dialog asking for a name (renaming a feed or folder, naming a new folder). */
export interface NameRequest {
  kind: "name";
  title: string;
  label: string;
  initial: string;
  /** The submit button's text: "Rename", "Create". */
  action: string;
  /** Throws with the reason when the name is refused; the dialog shows it. */
  save: (name: string) => Promise<void>;
  /** A second way out, such as giving a feed back its own title. */
  reset?: { label: string; run: () => Promise<void> };
}

/** A note: on a highlight (with its words) or on a whole article. */
export interface NoteRequest {
  kind: "note";
  title: string;
  /** The highlighted words the note is about. */
  quote?: string;
  initial: string;
  /** Keeps the note (an empty one removes it); throws with the reason, which the dialog shows. */
  save: (note: string) => Promise<void>;
}

export type DialogRequest =
  /**
   * `address`: a feed opened with Tidings from outside, offered rather than subscribed to.
   * `accountId`: the account it goes to at first (from that account's menu); the library's otherwise.
   */
  | { kind: "addFeed"; address?: string; accountId?: number }
  | { kind: "feedDetails"; feedId: number }
  | { kind: "unsubscribe"; feed: FeedSummary }
  | { kind: "settings" }
  /** Theme, density, reader type and when articles count as read. */
  | { kind: "appearance" }
  /** Every keyboard shortcut (?). */
  | { kind: "shortcuts" }
  | { kind: "savePage" }
  /** An account on a feed service: which, where, and the login. */
  | { kind: "addAccount" }
  /** An account's password, given again when its login failed or no keychain kept it. */
  | { kind: "password"; account: Account }
  /** Exports one article, or (without `article`) bookmarks and saved articles. */
  | { kind: "export"; article?: { id: number; title: string } }
  | { kind: "importReport"; report: ImportReport }
  /** The rules: listed, written with a live preview, removed, carried in a file. */
  | { kind: "rules" }
  /** The tags of one article: put on, taken off. */
  | { kind: "tags"; article: { id: number; title: string } }
  | NameRequest
  | NoteRequest;

export class Overlays {
  // Raw: requests hold callbacks and are compared by identity, so they must not be proxied.
  dialog = $state.raw<DialogRequest | null>(null);
  menu = $state.raw<MenuRequest | null>(null);

  get anyOpen(): boolean {
    return this.dialog !== null || this.menu !== null;
  }

  showDialog(request: DialogRequest): void {
    this.menu = null;
    this.dialog = request;
  }

  /** Closes `request` if it is still the open dialog (a late close never closes its successor). */
  closeDialog(request: DialogRequest): void {
    if (this.dialog === request) this.dialog = null;
  }

  showMenu(request: MenuRequest): void {
    this.menu = request;
  }

  closeMenu(): void {
    this.menu = null;
  }
}
