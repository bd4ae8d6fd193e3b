// The "…" and right-click menus of the sidebar's feeds and folders.
import type { FeedSummary, Folder } from "./api";
import type { MenuSection } from "./menu";

export interface FeedActions {
  refresh: () => void;
  rename: () => void;
  details: () => void;
  /** Switches reading each new article's page in full. */
  toggleFullText: () => void;
  /** `null` is the top level. */
  moveTo: (folderId: number | null) => void;
  moveToNewFolder: () => void;
  unsubscribe: () => void;
}

export function feedMenu(feed: FeedSummary, folders: readonly Folder[], act: FeedActions): MenuSection[] {
  return [
    {
      items: [
        { label: "Refresh", run: act.refresh },
        { label: "Rename…", run: act.rename },
        { label: "Feed details…", run: act.details },
      ],
    },
    { items: [{ label: "Read full articles", toggle: true, checked: feed.fullText, run: act.toggleFullText }] },
    {
      label: "Move to folder",
      items: [
        ...folders.map((folder) => ({
          label: folder.name,
          checked: feed.folderId === folder.id,
          run: () => act.moveTo(folder.id),
        })),
        { label: "New folder…", run: act.moveToNewFolder },
        { label: "No folder", checked: feed.folderId === null, run: () => act.moveTo(null) },
      ],
    },
    { items: [{ label: "Unsubscribe…", danger: true, run: act.unsubscribe }] },
  ];
}

export interface FolderActions {
  refresh: () => void;
  rename: () => void;
  remove: () => void;
}

export function folderMenu(act: FolderActions): MenuSection[] {
  return [
    { items: [{ label: "Refresh folder", run: act.refresh }, { label: "Rename…", run: act.rename }] },
    { items: [{ label: "Delete folder", danger: true, run: act.remove }] },
  ];
}

export interface MoreActions {
  savePage: () => void;
  importOpml: () => void;
  exportOpml: () => void;
  exportArticles: () => void;
  appearance: () => void;
  shortcuts: () => void;
}

/** The sidebar header's "⋯" menu. */
export function moreMenu(act: MoreActions): MenuSection[] {
  return [
    { items: [{ label: "Save a page…", run: act.savePage }] },
    {
      items: [
        { label: "Import subscriptions (OPML)…", run: act.importOpml },
        { label: "Export subscriptions (OPML)…", run: act.exportOpml },
      ],
    },
    { items: [{ label: "Export bookmarks and saved articles…", run: act.exportArticles }] },
    {
      items: [
        { label: "Appearance and reading…", run: act.appearance },
        { label: "Keyboard shortcuts (?)", run: act.shortcuts },
      ],
    },
  ];
}
