// The "…" and right-click menus of the sidebar's feeds, folders and accounts.
import { wantsPassword } from "./accounts";
import type { Account, AccountAbilities, FeedSummary, Folder } from "./api";
import type { MenuSection } from "./menu";

export interface FeedActions {
  refresh: () => void;
  /** Syncs the feed's account: Tidings never polls a synced feed itself, its server does. */
  sync: () => void;
  rename: () => void;
  details: () => void;
  /** Switches reading each new article's page in full. */
  toggleFullText: () => void;
  /** `null` is the top level. */
  moveTo: (folderId: number | null) => void;
  moveToNewFolder: () => void;
  unsubscribe: () => void;
}

const EVERYTHING: AccountAbilities = { subscribe: true, unsubscribe: true, renameFeed: true, moveFeed: true, labels: true };

/**
 * A feed of an account on a feed service (`synced`) offers what its account's server lets core
 * change there (`abilities`: Fever nothing, Tiny Tiny RSS unsubscribing, the Google Reader API
 * everything), never reading in full (its server sends the articles), and moves only among its
 * own account's folders, which are the server's to create.
 */
export function feedMenu(
  feed: FeedSummary,
  folders: readonly Folder[],
  act: FeedActions,
  abilities: AccountAbilities | null = null,
): MenuSection[] {
  const synced = feed.status === "synced";
  const can = synced ? (abilities ?? { ...EVERYTHING, unsubscribe: false, renameFeed: false, moveFeed: false }) : EVERYTHING;
  const own = folders.filter((folder) => folder.accountId === feed.accountId);
  const sections: MenuSection[] = [
    {
      items: [
        synced ? { label: "Sync now", run: act.sync } : { label: "Refresh", run: act.refresh },
        ...(can.renameFeed ? [{ label: "Rename…", run: act.rename }] : []),
        { label: "Feed details…", run: act.details },
      ],
    },
  ];
  if (!synced) {
    sections.push({ items: [{ label: "Read full articles", toggle: true, checked: feed.fullText, run: act.toggleFullText }] });
  }
  if (can.moveFeed) {
    sections.push({
      label: "Move to folder",
      items: [
        ...own.map((folder) => ({
          label: folder.name,
          checked: feed.folderId === folder.id,
          run: () => act.moveTo(folder.id),
        })),
        ...(synced ? [] : [{ label: "New folder…", run: act.moveToNewFolder }]),
        { label: "No folder", checked: feed.folderId === null, run: () => act.moveTo(null) },
      ],
    });
  }
  if (can.unsubscribe) {
    sections.push({ items: [{ label: "Unsubscribe…", danger: true, run: act.unsubscribe }] });
  }
  return sections;
}

export interface FolderActions {
  refresh: () => void;
  /** Syncs the folder's account (remote folders only). */
  sync: () => void;
  rename: () => void;
  remove: () => void;
}

/** A folder of an account on a feed service (`remote`) is the server's to rename or delete. */
export function folderMenu(act: FolderActions, remote = false): MenuSection[] {
  if (remote) return [{ items: [{ label: "Sync now", run: act.sync }] }];
  return [
    { items: [{ label: "Refresh folder", run: act.refresh }, { label: "Rename…", run: act.rename }] },
    { items: [{ label: "Delete folder", danger: true, run: act.remove }] },
  ];
}

/** A kept search's menu. */
export function keptSearchMenu(act: { rename: () => void; remove: () => void }): MenuSection[] {
  return [
    { items: [{ label: "Rename…", run: act.rename }] },
    { items: [{ label: "Remove search", danger: true, run: act.remove }] },
  ];
}

export interface MoreActions {
  savePage: () => void;
  addAccount: () => void;
  importOpml: () => void;
  exportOpml: () => void;
  exportArticles: () => void;
  rules: () => void;
  appearance: () => void;
  shortcuts: () => void;
}

/** The sidebar header's "⋯" menu. */
export function moreMenu(act: MoreActions): MenuSection[] {
  return [
    { items: [{ label: "Save a page…", run: act.savePage }, { label: "Add an account…", run: act.addAccount }] },
    {
      items: [
        { label: "Import subscriptions (OPML)…", run: act.importOpml },
        { label: "Export subscriptions (OPML)…", run: act.exportOpml },
      ],
    },
    { items: [{ label: "Export bookmarks and saved articles…", run: act.exportArticles }] },
    { items: [{ label: "Rules…", run: act.rules }] },
    {
      items: [
        { label: "Appearance and reading…", run: act.appearance },
        { label: "Keyboard shortcuts (?)", run: act.shortcuts },
      ],
    },
  ];
}

export interface AccountActions {
  addFeed: () => void;
  enterPassword: () => void;
}

/**
 * An account's header menu, once the sidebar has a section per account: *Add a feed…* where its
 * server lets Tidings subscribe (not Fever), *Enter the password…* when its login failed or no
 * keychain kept the password. Empty when there is nothing to offer: the header then has no ⋯.
 */
export function accountMenu(account: Account, act: AccountActions): MenuSection[] {
  const items = [
    ...(account.abilities.subscribe ? [{ label: "Add a feed…", run: act.addFeed }] : []),
    ...(wantsPassword(account) ? [{ label: "Enter the password…", run: act.enterPassword }] : []),
  ];
  return items.length === 0 ? [] : [{ items }];
}
