import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "./api";
import { articleMenu, isBeside, type ArticleActions } from "./articleMenu";

const row = (extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id: 7, feedId: 1, sourceTitle: "Harbour News", title: "Tides", url: "https://harbour.example/tides",
  sortAt: 1_000, isRead: false, isBookmarked: false, isSaved: false, ...extra,
});

/** Actions that write down what they were asked to do. */
function recorder(): { act: ArticleActions; calls: string[] } {
  const calls: string[] = [];
  const act: ArticleActions = {
    setRead: (read) => calls.push(`read ${read}`),
    markBeside: (side) => calls.push(side),
    setBookmarked: (on) => calls.push(`bookmark ${on}`),
    setSaved: (on) => calls.push(`save ${on}`),
    editTags: () => calls.push("tags"),
    openInBrowser: () => calls.push("browser"),
    copyLink: () => calls.push("copy"),
    exportArticle: () => calls.push("export"),
  };
  return { act, calls };
}

function labels(article: ArticleSummary, inView = true): string[][] {
  return articleMenu(article, inView, recorder().act).map((s) => s.items.map((i) => i.label));
}

describe("an article's menu", () => {
  it("offers what the row's state allows", () => {
    expect(labels(row())).toEqual([
      ["Mark read", "Mark above read", "Mark below read"],
      ["Bookmark", "Save for later", "Tags…"],
      ["Open in browser", "Copy link"],
      ["Export…"],
    ]);
    expect(labels(row({ isRead: true, isBookmarked: true, isSaved: true, url: null }), false)).toEqual([
      ["Mark unread"],
      ["Remove bookmark", "Remove from Saved", "Tags…"],
      ["Export…"],
    ]);
  });

  it("runs each item's action on that article", () => {
    const { act, calls } = recorder();
    for (const section of articleMenu(row(), true, act)) for (const item of section.items) item.run();
    expect(calls).toEqual(["read true", "above", "below", "bookmark true", "save true", "tags", "browser", "copy", "export"]);
  });
});

describe("above and below a row", () => {
  const at = { sortAt: 1_000, id: 7 };

  it("are the newer rows and the older ones, newest first", () => {
    expect(isBeside({ sortAt: 2_000, id: 1 }, at, "above", false)).toBe(true);
    expect(isBeside({ sortAt: 500, id: 9 }, at, "above", false)).toBe(false);
    expect(isBeside({ sortAt: 500, id: 9 }, at, "below", false)).toBe(true);
  });

  it("turn round oldest first", () => {
    expect(isBeside({ sortAt: 500, id: 9 }, at, "above", true)).toBe(true);
    expect(isBeside({ sortAt: 2_000, id: 1 }, at, "below", true)).toBe(true);
  });

  it("break ties of date by id, and leave the row itself out", () => {
    expect(isBeside({ sortAt: 1_000, id: 8 }, at, "above", false)).toBe(true);
    expect(isBeside({ sortAt: 1_000, id: 6 }, at, "below", false)).toBe(true);
    expect(isBeside({ sortAt: 1_000, id: 7 }, at, "above", false)).toBe(false);
    expect(isBeside({ sortAt: 1_000, id: 7 }, at, "below", true)).toBe(false);
  });
});
