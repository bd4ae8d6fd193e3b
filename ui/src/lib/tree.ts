// The sidebar's shape: folders (in the backend's order) holding their feeds, then the feeds
// that are in no folder. Pure, so the grouping is tested without a window.
import type { Account, FeedSummary, Folder } from "./api";

export interface FolderGroup {
  folder: Folder;
  feeds: FeedSummary[];
}

export interface FeedTree {
  folders: FolderGroup[];
  topLevel: FeedSummary[];
}

export function feedTree(feeds: readonly FeedSummary[], folders: readonly Folder[]): FeedTree {
  const groups = new Map<number, FolderGroup>(folders.map((folder) => [folder.id, { folder, feeds: [] }]));
  const topLevel: FeedSummary[] = [];
  for (const feed of feeds) {
    // A feed whose folder is not (yet) in the list shows at the top level rather than vanishing.
    const group = feed.folderId === null ? undefined : groups.get(feed.folderId);
    if (group) group.feeds.push(feed);
    else topLevel.push(feed);
  }
  return { folders: [...groups.values()], topLevel };
}

/**
 * One line of the sidebar's tree. The tree is drawn as a flat list so that only the lines near
 * the screen need elements (2,000 feeds would otherwise cost ~16k of them); the place of each
 * line in the hierarchy is carried here, for aria-level, aria-setsize and aria-posinset.
 */
export type TreeLine = (
  | { kind: "folder"; folder: Folder; expanded: boolean }
  | { kind: "feed"; feed: FeedSummary; /** The line of the feed's folder, `null` at the top level. */ parent: number | null }
) & { key: string; level: 1 | 2; posinset: number; setsize: number };

/** The tree's lines, top to bottom, with the feeds of `collapsed` folders left out. */
export function treeLines(tree: FeedTree, collapsed: ReadonlySet<number>): TreeLine[] {
  const lines: TreeLine[] = [];
  const setsize = tree.folders.length + tree.topLevel.length;
  tree.folders.forEach(({ folder, feeds }, i) => {
    const expanded = !collapsed.has(folder.id);
    const parent = lines.length;
    lines.push({ kind: "folder", key: `folder:${folder.id}`, folder, expanded, level: 1, posinset: i + 1, setsize });
    if (!expanded) return;
    feeds.forEach((feed, j) => {
      lines.push({ kind: "feed", key: `feed:${feed.id}`, feed, parent, level: 2, posinset: j + 1, setsize: feeds.length });
    });
  });
  tree.topLevel.forEach((feed, i) => {
    lines.push({
      kind: "feed", key: `feed:${feed.id}`, feed, parent: null, level: 1,
      posinset: tree.folders.length + i + 1, setsize,
    });
  });
  return lines;
}

/**
 * An account's header, above its feeds once there is more than one account: lines of the tree's
 * height, so that every line stays as tall as the others: its name (and *Sync now*), then, for an
 * account on a feed service, how its syncing stands. Headers are not items of the tree; the keyboard passes over them.
 */
export type HeaderLine = { kind: "account" | "accountStatus"; key: string; account: Account };
export type SidebarLine = TreeLine | HeaderLine;

/** Each account's header, then its tree's lines (`parent` counted in the whole list). */
export function sectionLines(sections: readonly { account: Account; tree: FeedTree }[], collapsed: ReadonlySet<number>): SidebarLine[] {
  const lines: SidebarLine[] = [];
  for (const { account, tree } of sections) {
    lines.push({ kind: "account", key: `account:${account.id}`, account });
    if (account.kind !== "local") lines.push({ kind: "accountStatus", key: `account-status:${account.id}`, account });
    const offset = lines.length;
    for (const line of treeLines(tree, collapsed)) {
      lines.push(line.kind === "feed" && line.parent !== null ? { ...line, parent: line.parent + offset } : line);
    }
  }
  return lines;
}

/** Reads the remembered set of collapsed folder ids; anything unreadable counts as none. */
export function parseFolderIds(stored: string | null): Set<number> {
  try {
    const value: unknown = JSON.parse(stored ?? "[]");
    return new Set(Array.isArray(value) ? value.filter((v): v is number => Number.isInteger(v)) : []);
  } catch {
    return new Set();
  }
}

export function serializeFolderIds(ids: ReadonlySet<number>): string {
  return JSON.stringify([...ids].sort((a, b) => a - b));
}
