import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EMPTY_SEARCH, LatestOnly, scopeText, searchQuery } from "./search";

describe("the search query", () => {
  const now = 1_700_000_000;

  it("is nothing until there are words", () => {
    expect(searchQuery({ ...EMPTY_SEARCH, text: "   " }, null, now)).toBeNull();
  });

  it("carries the scope and filters", () => {
    expect(searchQuery({ text: " storm ", scope: "all", unreadOnly: false, range: "any" }, 4, now)).toEqual({
      text: "storm", scope: { kind: "all" }, unreadOnly: false, since: null, until: null,
    });
    expect(searchQuery({ text: "storm", scope: "feed", unreadOnly: true, range: "week" }, 4, now)).toEqual({
      text: "storm", scope: { kind: "feed", feedId: 4 }, unreadOnly: true, since: now - 7 * 86_400, until: null,
    });
    expect(searchQuery({ ...EMPTY_SEARCH, text: "x", scope: "bookmarks" }, null, now)?.scope).toEqual({ kind: "bookmarks" });
    expect(searchQuery({ ...EMPTY_SEARCH, text: "x", scope: "saved", range: "day" }, null, now)).toMatchObject({
      scope: { kind: "saved" }, since: now - 86_400,
    });
  });

  it("looks everywhere when 'this feed' has no feed open", () => {
    expect(searchQuery({ ...EMPTY_SEARCH, text: "x", scope: "feed" }, null, now)?.scope).toEqual({ kind: "all" });
  });

  it("says where it looked", () => {
    expect(scopeText(EMPTY_SEARCH, null)).toBe("all articles");
    expect(scopeText({ ...EMPTY_SEARCH, scope: "feed" }, "The Verge")).toBe("The Verge");
    expect(scopeText({ ...EMPTY_SEARCH, scope: "saved", unreadOnly: true, range: "week" }, null)).toBe("Saved (unread, past week)");
  });
});

describe("searching as you type", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
    let resolve!: (v: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  }

  it("waits for a pause and asks once", async () => {
    const run = vi.fn(async (q: string) => q.toUpperCase());
    const shown: string[] = [];
    const search = new LatestOnly(run, (r) => shown.push(r), () => {}, 150);
    search.ask("s");
    search.ask("st");
    search.ask("sto");
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(1);
    expect(shown).toEqual(["STO"]);
  });

  it("drops an answer that comes after a newer question", async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const answers = [slow, fast];
    const shown: string[] = [];
    const search = new LatestOnly(() => answers.shift()!.promise, (r) => shown.push(r), () => {}, 0);
    search.ask("stor", true);
    search.ask("storm", true);
    fast.resolve("storm results");
    await vi.runAllTimersAsync();
    slow.resolve("stor results");
    await vi.runAllTimersAsync();
    expect(shown).toEqual(["storm results"]);
  });

  it("reports only the latest failure, and nothing after a cancel", async () => {
    const failures: unknown[] = [];
    const pending = deferred<string>();
    const search = new LatestOnly<string, string>(() => pending.promise, () => {}, (e) => failures.push(e), 0);
    search.ask("x", true);
    search.cancel();
    pending.resolve("late");
    await vi.runAllTimersAsync();
    const failing = new LatestOnly<string, string>(() => Promise.reject(new Error("bad")), () => {}, (e) => failures.push(e), 0);
    failing.ask("y", true);
    await vi.runAllTimersAsync();
    expect(failures).toHaveLength(1);
  });
});
