import { describe, expect, it } from "vitest";
import type { RefreshSummary } from "./api";
import { feedSummary } from "./fixtures";
import { expectedTotal, finishedText, OFFLINE_TEXT, progressText, readingText } from "./refresh";

const feed = (id: number, folderId: number | null, status: "active" | "gone" = "active") =>
  feedSummary({ id, folderId, status });
const summary = (failed: number, cancelled = false, offline = false): RefreshSummary => ({
  updated: 3, notModified: 4, failed, newArticles: 10, seconds: 1.5, cancelled, offline, news: [], alerts: [],
});

describe("the refresh bar", () => {
  const feeds = [feed(1, null), feed(2, 7), feed(3, 7), feed(4, 7, "gone")];

  it("expects the feeds the backend will check: gone feeds only when asked for by name", () => {
    expect(expectedTotal({ kind: "all" }, feeds)).toBe(3);
    expect(expectedTotal({ kind: "folder", folderId: 7 }, feeds)).toBe(2);
    expect(expectedTotal({ kind: "feed", feedId: 4 }, feeds)).toBe(1);
    expect(expectedTotal({ kind: "due" }, feeds)).toBeNull();
  });

  it("counts feeds as they finish", () => {
    expect(progressText({ done: 12, total: 240 })).toBe("12 of 240 feeds");
    expect(progressText({ done: 0, total: 1 })).toBe("0 of 1 feed");
    expect(progressText({ done: 0, total: null })).toBe("Checking feeds…");
  });

  it("stays quiet after a clean refresh and points to the marks after failures", () => {
    expect(finishedText(summary(0))).toBeNull();
    expect(finishedText(summary(0, true))).toBeNull();
    expect(finishedText(summary(1))).toBe("1 feed could not be refreshed — see ⚠ in the sidebar.");
    expect(finishedText(summary(4, true))).toBe("Refresh cancelled. 4 feeds could not be refreshed — see ⚠ in the sidebar.");
  });

  it("says once that the network is away when no feed's server could be reached", () => {
    expect(finishedText(summary(34, false, true))).toBe(OFFLINE_TEXT);
    expect(OFFLINE_TEXT).toMatch(/^You seem to be offline/);
  });
});

describe("reading full articles in the background", () => {
  it("says how many are left, and when they wait for the network", () => {
    expect(readingText({ left: 12, waiting: false })).toBe("Reading full articles… 12 articles left");
    expect(readingText({ left: 1, waiting: true })).toBe("Full articles will be read when you are back online (1 article left)");
  });
});
