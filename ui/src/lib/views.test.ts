import { describe, expect, it } from "vitest";
import { feedSummary } from "./fixtures";
import { countText, NO_COUNTS, nothingToRead, optionsFor, parseViewOptions, sameView, SMART_VIEWS, viewKey, viewTitle } from "./views";

describe("views", () => {
  it("are the same when they show the same articles", () => {
    expect(sameView({ kind: "unread" }, { kind: "unread" })).toBe(true);
    expect(sameView({ kind: "unread" }, { kind: "all" })).toBe(false);
    expect(sameView({ kind: "feed", feedId: 1 }, { kind: "feed", feedId: 1 })).toBe(true);
    expect(sameView({ kind: "feed", feedId: 1 }, { kind: "feed", feedId: 2 })).toBe(false);
    expect(sameView({ kind: "folder", folderId: 1 }, { kind: "feed", feedId: 1 })).toBe(false);
    expect(sameView({ kind: "folder", folderId: 3 }, { kind: "folder", folderId: 3 })).toBe(true);
    expect(sameView({ kind: "tag", tagId: 3 }, { kind: "tag", tagId: 3 })).toBe(true);
    expect(sameView({ kind: "tag", tagId: 3 }, { kind: "folder", folderId: 3 })).toBe(false);
  });

  it("are named as the sidebar names them", () => {
    const feeds = [feedSummary({ id: 2, title: "The Verge" })];
    const folders = [{ id: 5, name: "Tech", unreadCount: 0, accountId: 1 }];
    const tags = [{ id: 7, name: "to read", articles: 2, unread: 1 }];
    expect(viewTitle({ kind: "today" }, feeds, folders, tags)).toBe("Today");
    expect(viewTitle({ kind: "all" }, feeds, folders, tags)).toBe("All articles");
    expect(viewTitle({ kind: "feed", feedId: 2 }, feeds, folders, tags)).toBe("The Verge");
    expect(viewTitle({ kind: "folder", folderId: 5 }, feeds, folders, tags)).toBe("Tech");
    expect(viewTitle({ kind: "feed", feedId: 9 }, feeds, folders, tags)).toBe("Feed");
    expect(viewTitle({ kind: "tag", tagId: 7 }, feeds, folders, tags)).toBe("to read");
  });

  it("list Today, Unread, All, Bookmarks and Saved with their counts", () => {
    const counts = { unread: 10, todayUnread: 3, bookmarks: 2, saved: 1, highlights: 0 };
    expect(SMART_VIEWS.map((s) => [s.label, s.count(counts)])).toEqual([
      ["Today", 3], ["Unread", 10], ["All articles", 0], ["Bookmarks", 2], ["Saved", 1],
    ]);
  });

  it("say what their numbers count: unread articles, or all that Bookmarks and Saved hold", () => {
    const counts = { unread: 10, todayUnread: 3, bookmarks: 1, saved: 2, highlights: 0 };
    expect(SMART_VIEWS.filter((s) => s.count(counts) > 0).map((s) => countText(s.count(counts), s.counted))).toEqual([
      "3 unread articles", "10 unread articles", "1 bookmarked article", "2 saved articles",
    ]);
    expect(countText(999, "unread", true)).toBe("At least 999 unread articles");
    expect(countText(1, "highlights")).toBe("1 highlight");
    expect(countText(12, "highlights")).toBe("12 highlights");
  });

  it("remember their sort and filter, each its own", () => {
    const stored = JSON.stringify({ [viewKey({ kind: "feed", feedId: 2 })]: { oldestFirst: true, unreadOnly: true }, all: "junk" });
    const all = parseViewOptions(stored);
    expect(optionsFor(all, { kind: "feed", feedId: 2 })).toEqual({ oldestFirst: true, unreadOnly: true });
    expect(optionsFor(all, { kind: "feed", feedId: 3 })).toEqual({ oldestFirst: false, unreadOnly: false });
    expect(parseViewOptions("[1,2]")).toEqual({});
    expect(parseViewOptions("{oops")).toEqual({});
  });

  it("ignore unread-only in Unread and Today, which hold only unread articles", () => {
    expect(optionsFor({ unread: { oldestFirst: true, unreadOnly: true } }, { kind: "unread" })).toEqual({ oldestFirst: true, unreadOnly: false });
    expect(optionsFor({ today: { oldestFirst: false, unreadOnly: true } }, { kind: "today" })).toEqual({ oldestFirst: false, unreadOnly: false });
  });
});

describe("nothing to read", () => {
  it("is a library without feeds, articles, bookmarks or saved pages", () => {
    expect(nothingToRead([], [], 0, NO_COUNTS, { kind: "unread" })).toBe(true);
    expect(nothingToRead([feedSummary({ id: 1 })], [], 0, NO_COUNTS, { kind: "unread" })).toBe(false);
    expect(nothingToRead([], [], 1, NO_COUNTS, { kind: "all" })).toBe(false);
    expect(nothingToRead([], [], 0, { ...NO_COUNTS, saved: 1 }, { kind: "unread" })).toBe(false);
    expect(nothingToRead([], [], 0, { ...NO_COUNTS, bookmarks: 2 }, { kind: "unread" })).toBe(false);
    expect(nothingToRead([], [{ id: 1, name: "kept", articles: 1, unread: 0 }], 0, NO_COUNTS, { kind: "unread" })).toBe(false);
  });

  it("is never said of a feed, folder or tag chosen", () => {
    expect(nothingToRead([], [], 0, NO_COUNTS, { kind: "feed", feedId: 1 })).toBe(false);
    expect(nothingToRead([], [], 0, NO_COUNTS, { kind: "folder", folderId: 1 })).toBe(false);
    expect(nothingToRead([], [], 0, NO_COUNTS, { kind: "tag", tagId: 1 })).toBe(false);
  });
});
