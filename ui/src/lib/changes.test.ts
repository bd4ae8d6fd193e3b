import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "./api";
import { ChangeLog, changeOf } from "./changes";

const row = (id: number, isRead = false): ArticleSummary => ({
  id, feedId: 1, sourceTitle: "Feed", title: `Story ${id}`, url: null, sortAt: 1000 - id, isRead, isBookmarked: false, isSaved: false,
});

describe("changes made while a page loads", () => {
  it("are replayed onto the page, those made before are not", () => {
    const log = new ChangeLog();
    log.record(changeOf(1, { isRead: false }));
    const since = log.mark;
    log.record(changeOf(2, { isRead: true }));
    log.record(changeOf(3, { isBookmarked: true }));
    const page = log.replay([row(1, true), row(2), row(3)], since);
    expect(page.map((r) => [r.id, r.isRead, r.isBookmarked])).toEqual([[1, true, false], [2, true, false], [3, false, true]]);
  });

  it("hands back the same page when nothing changed", () => {
    const log = new ChangeLog();
    const page = [row(1)];
    expect(log.replay(page, log.mark)).toBe(page);
  });

  it("lets a page wait for the writes under way", async () => {
    const log = new ChangeLog();
    let finish!: () => void;
    const write = log.track(new Promise<void>((resolve) => (finish = resolve)));
    let waited = false;
    const waiting = log.settled().then(() => (waited = true));
    await Promise.resolve();
    expect(waited).toBe(false);
    finish();
    await write;
    await waiting;
    expect(waited).toBe(true);
    // A failed write is waited for too, and then forgotten.
    const failed = log.track(Promise.reject(new Error("no")));
    await expect(failed).rejects.toThrow("no");
    await log.settled();
  });
});

describe("a change applied", () => {
  it("is shown by every listener, and replayed onto pages asked for before it", () => {
    const log = new ChangeLog();
    const shown: ArticleSummary[][] = [[row(1)], [row(1), row(2)]];
    log.listen((change) => (shown[0] = shown[0].map(change)));
    log.listen((change) => (shown[1] = shown[1].map(change)));
    const since = log.mark;
    log.apply(changeOf(1, { isRead: true }));
    expect(shown.map((rows) => rows.map((r) => r.isRead))).toEqual([[true], [true, false]]);
    expect(log.replay([row(1)], since)[0].isRead).toBe(true);
  });
});
