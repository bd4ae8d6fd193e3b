import { describe, expect, it } from "vitest";
import type { ArticleCursor, ArticlePage, ArticleSummary } from "./api";
import {
  around, changed, cursorOf, cursorThrough, earlierCursor, firstPage, reloadedAround, rowToKeep, startingAt, withEarlier, withLater,
  type Loaded,
} from "./loaded";

const PAGE = 10;
const KEPT = 40;

const row = (id: number): ArticleSummary => ({
  id, feedId: 1, sourceTitle: "Feed", title: `Story ${id}`, url: null, sortAt: 10_000 - id, isRead: false, isBookmarked: false, isSaved: false,
});

/** Answers as the backend's keyset pages do, over `rows` (newest first); `reversed` for oldest first. */
function page(rows: ArticleSummary[], after: ArticleCursor | null, reversed = false): ArticlePage {
  const ordered = reversed ? [...rows].reverse() : rows;
  const key = (r: ArticleSummary) => r.sortAt * 1e6 + r.id;
  const from = after === null ? 0 : ordered.findIndex((r) => (reversed ? key(r) > key(after as ArticleSummary) : key(r) < key(after as ArticleSummary)));
  const articles = from === -1 ? [] : ordered.slice(from, from + PAGE);
  const last = articles.at(-1);
  return { articles, next: articles.length === PAGE && last ? { sortAt: last.sortAt, id: last.id } : null };
}

const list = Array.from({ length: 200 }, (_, i) => row(i + 1));

function down(loaded: Loaded, rows = list): Loaded {
  const after = loaded.next as ArticleCursor;
  return withLater(loaded, after, page(rows, after), KEPT);
}

function up(loaded: Loaded, rows = list): { loaded: Loaded; shift: number } {
  const before = earlierCursor(loaded) as ArticleCursor;
  return withEarlier(loaded, before, page(rows, before, true), KEPT);
}

/** Every loaded row is the one at its place in `rows`. */
function expectInPlace(loaded: Loaded, rows = list): void {
  expect(loaded.rows.map((r) => r.id)).toEqual(rows.slice(loaded.offset, loaded.offset + loaded.rows.length).map((r) => r.id));
}

describe("the rows a view keeps loaded", () => {
  it("scrolling down keeps a bounded run, each row at its place in the list", () => {
    let loaded = firstPage(page(list, null));
    for (let i = 0; i < 12; i++) {
      loaded = down(loaded);
      expect(loaded.rows.length).toBeLessThanOrEqual(KEPT);
      expectInPlace(loaded);
    }
    expect(loaded.offset).toBe(130 - KEPT);
    expect(loaded.earlier).toBe(true);
  });

  it("scrolling back up loads the dropped rows again, up to the top of the list", () => {
    let loaded = firstPage(page(list, null));
    for (let i = 0; i < 12; i++) loaded = down(loaded);
    let shifts = 0;
    while (loaded.earlier) {
      const result = up(loaded);
      loaded = result.loaded;
      shifts += Math.abs(result.shift);
      expect(loaded.rows.length).toBeLessThanOrEqual(KEPT);
      expectInPlace(loaded);
    }
    expect(loaded.offset).toBe(0);
    expect(shifts).toBe(0);
    // Going down again continues from the last row kept.
    loaded = down(loaded);
    expectInPlace(loaded);
    expect(loaded.rows.length).toBe(KEPT);
  });

  it("renumbers the rows when fewer are above than were counted (read ones left an unread-only view)", () => {
    let loaded = firstPage(page(list, null));
    for (let i = 0; i < 8; i++) loaded = down(loaded);
    expect(loaded.offset).toBe(90 - KEPT);
    const unread = list.slice(loaded.offset);
    const { loaded: after, shift } = up(loaded, unread);
    expect(shift).toBe(-(90 - KEPT));
    expect(after).toMatchObject({ offset: 0, earlier: false });
    expect(after.rows[0].id).toBe(list[90 - KEPT].id);
  });

  it("renumbers the rows when more are above than were counted (newer articles arrived)", () => {
    let loaded = firstPage(page(list, null));
    for (let i = 0; i < 4; i++) loaded = down(loaded);
    expect(loaded.offset).toBe(10);
    const newer = [...Array.from({ length: 25 }, (_, i) => ({ ...row(1000 + i), sortAt: 20_000 - i })), ...list];
    let shifts = 0;
    while (loaded.earlier) {
      const result = up(loaded, newer);
      loaded = result.loaded;
      shifts += result.shift;
      expect(loaded.offset).toBeGreaterThanOrEqual(0);
    }
    expect(shifts).toBe(25);
    expect(loaded.offset).toBe(0);
    expectInPlace(loaded, newer);
  });

  it("drops rows below when loading above, and asks for them again from the last kept", () => {
    let loaded = firstPage(page(list, null));
    for (let i = 0; i < 8; i++) loaded = down(loaded);
    const { loaded: after } = up(loaded);
    expect(after.rows.length).toBe(KEPT);
    expect(after.next).toEqual({ sortAt: after.rows[KEPT - 1].sortAt, id: after.rows[KEPT - 1].id });
    expectInPlace(down(after));
  });

  it("ignores a page asked for before the rows it follows were dropped or replaced", () => {
    const loaded = firstPage(page(list, null));
    const stale = { sortAt: 1, id: 99_999 };
    expect(withLater(loaded, stale, page(list, loaded.next), KEPT)).toBe(loaded);
    expect(withEarlier(loaded, stale, page(list, null), KEPT)).toEqual({ loaded, shift: 0 });
  });

  it("loads the rows around a selected row again, where it sat", () => {
    const selected = list[150];
    const cursor = { sortAt: selected.sortAt, id: selected.id };
    const loaded = around(selected, 150, page(list, cursor, true), page(list, cursor));
    expect(loaded).toMatchObject({ offset: 150 - PAGE, earlier: true });
    expect(loaded.rows.length).toBe(2 * PAGE + 1);
    expectInPlace(loaded);
    const near = { sortAt: list[3].sortAt, id: list[3].id };
    const top = around(list[3], 3, page(list, near, true), page(list, near));
    expect(top).toMatchObject({ offset: 0, earlier: false });
  });

  it("shows changes on the loaded rows", () => {
    const loaded = changed(firstPage(page(list, null)), (r) => (r.id === 2 ? { ...r, isRead: true } : r));
    expect(loaded.rows.filter((r) => r.isRead).map((r) => r.id)).toEqual([2]);
  });
});

describe("a view read again", () => {
  /** Three articles newer than every one of `list`, as a refresh brings them. */
  const arrived = [3, 2, 1].map((n) => ({ ...row(1_000 + n), sortAt: 20_000 + n }));

  /** The view read again around `kept` from `rows` as the backend now holds them. */
  function reload(kept: { row: ArticleSummary; index: number }, rows: ArticleSummary[], reading = true) {
    return reloadedAround(kept, page(rows, cursorOf(kept.row), true), page(rows, cursorThrough(kept.row, false)), reading);
  }

  it("keeps the selected row in view where it was, else the first row in view, else nothing at the top", () => {
    const loaded = firstPage(page(list, null));
    expect(rowToKeep(loaded, 5, { start: 2, end: 8 })).toEqual({ row: list[4], index: 4 });
    expect(rowToKeep(loaded, 9, { start: 2, end: 8 })).toEqual({ row: list[2], index: 2 });
    expect(rowToKeep(loaded, 9, { start: 0, end: 6 })).toBeNull();
    expect(rowToKeep(loaded, null, { start: 0, end: 6 })).toBeNull();
  });

  it("puts the articles that arrived above the kept row, which moves down by as many places", () => {
    const { loaded, shift } = reload({ row: list[5], index: 5 }, [...arrived, ...list]);
    expect(shift).toBe(3);
    expect(loaded.offset).toBe(0);
    expect(loaded.rows.slice(0, 10).map((r) => r.id)).toEqual([1_003, 1_002, 1_001, 1, 2, 3, 4, 5, 6, 7]);
    expect(loaded.rows[8]).toEqual(list[5]);
  });

  it("deep in the list, keeps the places and leaves the rows above to be counted when scrolled to", () => {
    const { loaded, shift } = reload({ row: list[150], index: 150 }, [...arrived, ...list]);
    expect({ shift, offset: loaded.offset, earlier: loaded.earlier }).toEqual({ shift: 0, offset: 150 - PAGE, earlier: true });
    expectInPlace(loaded);
  });

  it("keeps the article being read though it left the view, and no other", () => {
    const without = list.filter((r) => r.id !== 6);
    expect(reload({ row: list[5], index: 5 }, without, true).loaded.rows.slice(4, 7).map((r) => r.id)).toEqual([5, 6, 7]);
    expect(reload({ row: list[5], index: 5 }, without, false).loaded.rows.slice(4, 7).map((r) => r.id)).toEqual([5, 7, 8]);
  });

  it("shows the row as stored now", () => {
    const stored = list.map((r) => (r.id === 6 ? { ...r, isRead: true } : r));
    expect(reload({ row: list[5], index: 5 }, stored).loaded.rows[5].isRead).toBe(true);
  });
});

describe("a jump far above the rows loaded", () => {
  it("loads the page it lands on, and the rows before and after it follow in place", () => {
    let loaded = startingAt(120, { articles: list.slice(120, 120 + PAGE), next: cursorOf(list[120 + PAGE - 1]) });
    expectInPlace(loaded);
    expect(loaded.earlier).toBe(true);
    const before = up(loaded);
    expect(before.shift).toBe(0);
    loaded = down(before.loaded);
    expectInPlace(loaded);
    expect(startingAt(0, page(list, null)).earlier).toBe(false);
  });
});
