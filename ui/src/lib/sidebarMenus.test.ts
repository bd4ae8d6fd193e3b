import { describe, expect, it, vi } from "vitest";
import type { Folder } from "./api";
import { account, feedSummary } from "./fixtures";
import { accountMenu, feedMenu, folderMenu, keptSearchMenu, moreMenu } from "./sidebarMenus";

const feed = (folderId: number | null, fullText = false) => feedSummary({ id: 1, folderId, fullText });
const folders: Folder[] = [{ id: 10, name: "News", unreadCount: 0, accountId: 1 }, { id: 11, name: "Tech", unreadCount: 2, accountId: 1 }];
const actions = () => ({
  refresh: vi.fn(), sync: vi.fn(), rename: vi.fn(), details: vi.fn(), toggleFullText: vi.fn(), moveTo: vi.fn(), moveToNewFolder: vi.fn(), unsubscribe: vi.fn(),
});
const shape = (sections: ReturnType<typeof feedMenu>) =>
  sections.map((s) => ({ label: s.label, items: s.items.map((i) => [i.label, i.checked]) }));
const item = (sections: ReturnType<typeof feedMenu>, label: string) =>
  sections.flatMap((s) => s.items).find((i) => i.label === label);

describe("a feed's menu", () => {
  it("offers the feed's actions, every folder, a new folder and the top level", () => {
    expect(shape(feedMenu(feed(11), folders, actions()))).toEqual([
      { label: undefined, items: [["Refresh", undefined], ["Rename…", undefined], ["Feed details…", undefined]] },
      { label: undefined, items: [["Read full articles", false]] },
      {
        label: "Move to folder",
        items: [["News", false], ["Tech", true], ["New folder…", undefined], ["No folder", false]],
      },
      { label: undefined, items: [["Unsubscribe…", undefined]] },
    ]);
  });

  it("marks No folder for a feed at the top level, and moves where it is told", () => {
    const act = actions();
    const move = feedMenu(feed(null), folders, act)[2].items;
    expect(move.find((i) => i.label === "No folder")?.checked).toBe(true);
    move.find((i) => i.label === "News")?.run();
    move.find((i) => i.label === "No folder")?.run();
    expect(act.moveTo.mock.calls).toEqual([[10], [null]]);
  });

  it("works with no folders yet", () => {
    const labels = feedMenu(feed(null), [], actions())[2].items.map((i) => i.label);
    expect(labels).toEqual(["New folder…", "No folder"]);
  });

  it("switches reading in full on and off, showing which it is", () => {
    const act = actions();
    const off = item(feedMenu(feed(null), folders, act), "Read full articles");
    expect(off).toMatchObject({ toggle: true, checked: false });
    expect(item(feedMenu(feed(null, true), folders, act), "Read full articles")?.checked).toBe(true);
    off?.run();
    expect(act.toggleFullText).toHaveBeenCalledOnce();
  });
});

describe("a synced feed's menu", () => {
  const synced = feedSummary({ id: 2, accountId: 2, folderId: 20, status: "synced" });
  const theirs: Folder[] = [...folders, { id: 20, name: "Remote", unreadCount: 0, accountId: 2 }];

  it("offers only what its server allows, and syncs instead of refreshing", () => {
    const act = actions();
    const fever = { subscribe: false, unsubscribe: false, renameFeed: false, moveFeed: false, labels: false };
    const sections = feedMenu(synced, theirs, act, fever);
    expect(shape(sections)).toEqual([{ label: undefined, items: [["Sync now", undefined], ["Feed details…", undefined]] }]);
    item(sections, "Sync now")?.run();
    expect(act.sync).toHaveBeenCalledOnce();
    expect(act.refresh).not.toHaveBeenCalled();
    const ttrss = { ...fever, subscribe: true, unsubscribe: true };
    expect(shape(feedMenu(synced, theirs, act, ttrss)).flatMap((s) => s.items.map((i) => i[0]))).toEqual([
      "Sync now", "Feed details…", "Unsubscribe…",
    ]);
  });

  it("renames and moves among its own account's folders where the server allows, never reads in full", () => {
    const greader = { subscribe: true, unsubscribe: true, renameFeed: true, moveFeed: true, labels: true };
    expect(shape(feedMenu(synced, theirs, actions(), greader))).toEqual([
      { label: undefined, items: [["Sync now", undefined], ["Rename…", undefined], ["Feed details…", undefined]] },
      { label: "Move to folder", items: [["Remote", true], ["No folder", false]] },
      { label: undefined, items: [["Unsubscribe…", undefined]] },
    ]);
  });

  it("moves a local feed among the library's folders only", () => {
    const labels = feedMenu(feed(null), theirs, actions())[2].items.map((i) => i.label);
    expect(labels).toEqual(["News", "Tech", "New folder…", "No folder"]);
  });
});

describe("the sidebar's ⋯ menu", () => {
  it("saves a page, adds an account, moves subscriptions in and out, exports articles and opens rules, appearance and shortcuts", () => {
    const act = {
      savePage: vi.fn(), addAccount: vi.fn(), importOpml: vi.fn(), exportOpml: vi.fn(), exportArticles: vi.fn(), rules: vi.fn(),
      appearance: vi.fn(), shortcuts: vi.fn(),
    };
    const items = moreMenu(act).flatMap((s) => s.items);
    expect(items.map((i) => i.label)).toEqual([
      "Save a page…", "Add an account…", "Import subscriptions (OPML)…", "Export subscriptions (OPML)…", "Export bookmarks and saved articles…",
      "Rules…", "Appearance and reading…", "Keyboard shortcuts (?)",
    ]);
    items[0].run();
    items[1].run();
    items[4].run();
    expect(act.savePage).toHaveBeenCalledOnce();
    expect(act.addAccount).toHaveBeenCalledOnce();
    expect(act.exportArticles).toHaveBeenCalledOnce();
    items[5].run();
    expect(act.rules).toHaveBeenCalledOnce();
    items[6].run();
    items[7].run();
    expect(act.appearance).toHaveBeenCalledOnce();
    expect(act.shortcuts).toHaveBeenCalledOnce();
  });
});

describe("a folder's menu", () => {
  it("refreshes, renames and deletes", () => {
    const act = { refresh: vi.fn(), sync: vi.fn(), rename: vi.fn(), remove: vi.fn() };
    const items = folderMenu(act).flatMap((s) => s.items);
    expect(items.map((i) => i.label)).toEqual(["Refresh folder", "Rename…", "Delete folder"]);
    items[2].run();
    expect(act.remove).toHaveBeenCalledOnce();
  });

  it("of an account on a feed service only syncs it: the server's folders are its to rename or delete", () => {
    const act = { refresh: vi.fn(), sync: vi.fn(), rename: vi.fn(), remove: vi.fn() };
    const items = folderMenu(act, true).flatMap((s) => s.items);
    expect(items.map((i) => i.label)).toEqual(["Sync now"]);
    items[0].run();
    expect(act.sync).toHaveBeenCalledOnce();
  });
});

describe("a kept search's menu", () => {
  it("renames it or removes it", () => {
    const act = { rename: vi.fn(), remove: vi.fn() };
    const items = keptSearchMenu(act).flatMap((s) => s.items);
    expect(items.map((i) => [i.label, i.danger ?? false])).toEqual([["Rename…", false], ["Remove search", true]]);
    items[1].run();
    expect(act.remove).toHaveBeenCalledOnce();
  });
});

describe("an account's menu", () => {
  const can = { subscribe: true, unsubscribe: true, renameFeed: true, moveFeed: true, labels: true };
  const act = () => ({ addFeed: vi.fn(), enterPassword: vi.fn() });
  const labels = (sections: ReturnType<typeof accountMenu>) => sections.flatMap((s) => s.items.map((i) => i.label));

  it("adds a feed where the server lets Tidings subscribe, and asks for the password when the login failed", () => {
    const actions = act();
    const items = accountMenu(account({ id: 2, abilities: can, loginFailed: true }), actions).flatMap((s) => s.items);
    expect(items.map((i) => i.label)).toEqual(["Add a feed…", "Enter the password…"]);
    items[0].run();
    items[1].run();
    expect(actions.addFeed).toHaveBeenCalledOnce();
    expect(actions.enterPassword).toHaveBeenCalledOnce();
  });

  it("offers the library adding a feed, and Fever nothing while its login works: no ⋯ then", () => {
    expect(labels(accountMenu(account({ id: 1, abilities: can }), act()))).toEqual(["Add a feed…"]);
    expect(accountMenu(account({ id: 3, kind: "fever" }), act())).toEqual([]);
    expect(labels(accountMenu(account({ id: 3, kind: "fever", passwordNotKept: true }), act()))).toEqual(["Enter the password…"]);
  });
});
