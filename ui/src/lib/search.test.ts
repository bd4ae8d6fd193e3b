import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SearchHit, SearchResults } from "./api";
import { EMPTY_SEARCH, formOfKept, keptSearch, LatestOnly, placeOfView, resultCountText, scopeText, searchQuery, withNextPage } from "./search";

const hit = (id: number): SearchHit => ({
  article: { id, feedId: 1, sourceTitle: "Feed", title: `Story ${id}`, url: null, sortAt: 1000 - id, isRead: false, isBookmarked: false, isSaved: false },
  titleHtml: `Story ${id}`,
  snippetHtml: "",
});

function results(ids: number[], next: SearchResults["next"], total = 120): SearchResults {
  return { hits: ids.map(hit), feeds: [], total, capped: false, next };
}

describe("a kept search", () => {
  it("keeps the span of days, not the date it reached back to then", () => {
    expect(keptSearch({ text: " storm ", scope: "here", unreadOnly: true, range: "week" }, { kind: "feed", feedId: 4 })).toEqual({
      text: "storm", scope: { kind: "feed", feedId: 4 }, unreadOnly: true, withinDays: 7,
    });
    expect(keptSearch({ ...EMPTY_SEARCH, text: "  " }, null)).toBeNull();
  });

  it("fills the form in again, opening the feed or tag it looks in", () => {
    const place = { kind: "tag", tagId: 3 } as const;
    for (const form of [
      { text: "storm", scope: "here", unreadOnly: true, range: "month" },
      { text: "storm", scope: "bookmarks", unreadOnly: false, range: "any" },
    ] as const) {
      const kept = keptSearch(form, place);
      expect(kept).not.toBeNull();
      expect(formOfKept(kept!)).toEqual({ form, view: form.scope === "here" ? place : null });
    }
  });
});

describe("the search query", () => {
  const now = 1_700_000_000;

  it("is nothing until there are words", () => {
    expect(searchQuery({ ...EMPTY_SEARCH, text: "   " }, null, now)).toBeNull();
  });

  it("carries the scope and filters", () => {
    expect(searchQuery({ text: " storm ", scope: "all", unreadOnly: false, range: "any" }, { kind: "feed", feedId: 4 }, now)).toEqual({
      text: "storm", scope: { kind: "all" }, unreadOnly: false, since: null, until: null, wholeWords: false,
    });
    expect(searchQuery({ text: "storm", scope: "here", unreadOnly: true, range: "week" }, { kind: "feed", feedId: 4 }, now)).toEqual({
      text: "storm", scope: { kind: "feed", feedId: 4 }, unreadOnly: true, since: now - 7 * 86_400, until: null, wholeWords: false,
    });
    expect(searchQuery({ ...EMPTY_SEARCH, text: "x", scope: "here" }, placeOfView({ kind: "tag", tagId: 3 }), now)?.scope)
      .toEqual({ kind: "tag", tagId: 3 });
    expect(searchQuery({ ...EMPTY_SEARCH, text: "x", scope: "bookmarks" }, null, now)?.scope).toEqual({ kind: "bookmarks" });
    expect(searchQuery({ ...EMPTY_SEARCH, text: "x", scope: "saved", range: "day" }, null, now)).toMatchObject({
      scope: { kind: "saved" }, since: now - 86_400,
    });
  });

  it("looks everywhere when 'this feed' has no feed open", () => {
    expect(searchQuery({ ...EMPTY_SEARCH, text: "x", scope: "here" }, placeOfView({ kind: "unread" }), now)?.scope).toEqual({ kind: "all" });
  });

  it("says where it looked", () => {
    expect(scopeText(EMPTY_SEARCH, null)).toBe("all articles");
    expect(scopeText({ ...EMPTY_SEARCH, scope: "here" }, "The Verge")).toBe("The Verge");
    expect(scopeText({ ...EMPTY_SEARCH, scope: "saved", unreadOnly: true, range: "week" }, null)).toBe("Saved (unread, past week)");
  });
});

describe("the results", () => {
  it("say how many match, or that more match than were counted", () => {
    expect(resultCountText({ total: 1, capped: false })).toBe("1 article");
    expect(resultCountText({ total: 1_234, capped: false })).toBe("1,234 articles");
    expect(resultCountText({ total: 2_000, capped: true })).toBe("2,000+ articles");
  });

  it("grow by the next page, each article once, the count kept", () => {
    const first = results([1, 2, 3], { kind: "ranked", now: 5, score: 1.5, id: 3 });
    const more = withNextPage(first, results([3, 4], { kind: "older", beforeId: 4 }, 0));
    expect(more.hits.map((h) => h.article.id)).toEqual([1, 2, 3, 4]);
    expect(more.next).toEqual({ kind: "older", beforeId: 4 });
    expect(more.total).toBe(120);
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
