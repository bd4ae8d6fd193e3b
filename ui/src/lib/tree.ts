// The sidebar's shape: folders (in the backend's order) holding their feeds, then the feeds
// that are in no folder. Pure, so the grouping is tested without a window.
import type { FeedSummary, Folder } from "./api";

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
