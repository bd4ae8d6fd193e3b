import { describe, expect, it } from "vitest";
import type { Folder } from "./api";
import { feedSummary } from "./fixtures";
import { feedTree, parseFolderIds, serializeFolderIds, treeLines } from "./tree";

const feed = (id: number, title: string, folderId: number | null) => feedSummary({ id, title, folderId });
const folder = (id: number, name: string): Folder => ({ id, name, unreadCount: 0, accountId: 1 });

describe("the sidebar's tree of folders and feeds", () => {
  it("puts feeds in their folders, keeping both orders, and the rest at the top level", () => {
    const tree = feedTree(
      [feed(1, "Alpha", 20), feed(2, "Beta", null), feed(3, "Gamma", 10), feed(4, "Delta", 20)],
      [folder(20, "News"), folder(10, "Tech")],
    );
    expect(tree.folders.map((g) => [g.folder.name, g.feeds.map((f) => f.title)])).toEqual([
      ["News", ["Alpha", "Delta"]],
      ["Tech", ["Gamma"]],
    ]);
    expect(tree.topLevel.map((f) => f.title)).toEqual(["Beta"]);
  });

  it("keeps empty folders and never loses a feed whose folder is unknown", () => {
    const tree = feedTree([feed(1, "Orphan", 99)], [folder(5, "Empty")]);
    expect(tree.folders).toEqual([{ folder: folder(5, "Empty"), feeds: [] }]);
    expect(tree.topLevel.map((f) => f.title)).toEqual(["Orphan"]);
  });
});

describe("the tree's lines", () => {
  const tree = feedTree(
    [feed(1, "Alpha", 20), feed(2, "Beta", null), feed(3, "Gamma", 10), feed(4, "Delta", 20)],
    [folder(20, "News"), folder(10, "Tech")],
  );
  const shape = (collapsed: Set<number>) => treeLines(tree, collapsed).map((line) => [
    line.kind === "folder" ? line.folder.name : line.feed.title, line.level, line.posinset, line.setsize,
    line.kind === "feed" ? line.parent : line.expanded,
  ]);

  it("lists each folder followed by its feeds, then the top-level feeds, with their places in the tree", () => {
    expect(shape(new Set())).toEqual([
      ["News", 1, 1, 3, true],
      ["Alpha", 2, 1, 2, 0],
      ["Delta", 2, 2, 2, 0],
      ["Tech", 1, 2, 3, true],
      ["Gamma", 2, 1, 1, 3],
      ["Beta", 1, 3, 3, null],
    ]);
  });

  it("leaves out the feeds of collapsed folders, and points feeds at their folder's new line", () => {
    expect(shape(new Set([20]))).toEqual([
      ["News", 1, 1, 3, false],
      ["Tech", 1, 2, 3, true],
      ["Gamma", 2, 1, 1, 1],
      ["Beta", 1, 3, 3, null],
    ]);
  });

  it("gives every line a key of its own", () => {
    const keys = treeLines(tree, new Set()).map((line) => line.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("remembered collapsed folders", () => {
  it("round-trips a set of ids", () => {
    expect(parseFolderIds(serializeFolderIds(new Set([3, 1])))).toEqual(new Set([1, 3]));
  });

  it("treats missing or damaged storage as nothing collapsed", () => {
    expect(parseFolderIds(null)).toEqual(new Set());
    expect(parseFolderIds("{not json")).toEqual(new Set());
    expect(parseFolderIds('{"a":1}')).toEqual(new Set());
    expect(parseFolderIds('[1,"2",2.5,null,4]')).toEqual(new Set([1, 4]));
  });
});
