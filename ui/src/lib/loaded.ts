// The rows of a view the page holds: a run of the list around what is on screen, not every page
// ever loaded — scrolling through 100k articles would otherwise keep every row passed for as long
// as the view stays open, and the page's memory would grow with scrolling. Rows far from the
// screen are dropped and asked for again by keyset cursor when the person scrolls back to them.
import type { ArticleCursor, ArticlePage, ArticleSummary } from "./api";
import type { RowWindow } from "./virtual";

/** Rows kept at most: several screens either side of the view at any density and window height. */
export const KEPT_ROWS = 400;

export interface Loaded {
  readonly rows: readonly ArticleSummary[];
  /** Where `rows[0]` sits in the whole list. */
  readonly offset: number;
  /** Rows come before `rows[0]` that are not loaded. */
  readonly earlier: boolean;
  /** Where the rows after the last one loaded start; `null` at the end of the list. */
  readonly next: ArticleCursor | null;
}

/** A change to what is loaded, and how far the rows kept moved in the whole list (see `withEarlier`). */
export interface Loading {
  loaded: Loaded;
  shift: number;
}

export const NOTHING_LOADED: Loaded = { rows: [], offset: 0, earlier: false, next: null };

export function cursorOf(row: Pick<ArticleSummary, "sortAt" | "id">): ArticleCursor {
  return { sortAt: row.sortAt, id: row.id };
}

/** The cursor that asks (in the opposite order) for the rows before the first loaded; `null` when there are none. */
export function earlierCursor(loaded: Loaded): ArticleCursor | null {
  return loaded.earlier && loaded.rows.length > 0 ? cursorOf(loaded.rows[0]) : null;
}

/** A view's first page. */
export function firstPage(page: ArticlePage): Loaded {
  return { rows: page.articles, offset: 0, earlier: false, next: page.next };
}

/**
 * The page that starts at `index` of the whole list, in place of what was loaded: where the
 * person jumped to (the scroll bar dragged far up), which no page before or after the loaded rows
 * reaches soon. The rows before it load as they come into view, as always.
 */
export function startingAt(index: number, page: ArticlePage): Loaded {
  return { rows: page.articles, offset: index, earlier: index > 0, next: page.next };
}

function sameCursor(a: ArticleCursor | null, b: ArticleCursor | null): boolean {
  return a !== null && b !== null && a.sortAt === b.sortAt && a.id === b.id;
}

/**
 * The page that follows the rows loaded from `after`, the rows furthest above dropped past
 * `kept`. A page asked for before the loaded rows changed (one end dropped meanwhile) no longer
 * joins them and is ignored.
 */
export function withLater(loaded: Loaded, after: ArticleCursor, page: ArticlePage, kept = KEPT_ROWS): Loaded {
  const last = loaded.rows.at(-1);
  if (!last || !sameCursor(cursorOf(last), after)) return loaded;
  const rows = [...loaded.rows, ...page.articles];
  const dropped = Math.max(0, rows.length - kept);
  if (dropped === 0) return { ...loaded, rows, next: page.next };
  return { rows: rows.slice(dropped), offset: loaded.offset + dropped, earlier: true, next: page.next };
}

/**
 * The rows before the first loaded (asked for from `before` in the opposite order, so nearest
 * first), the rows furthest below dropped past `kept`. Rows read or removed above, or new ones,
 * since the loaded rows were counted mean the count above was wrong: the rows are then renumbered
 * (`shift`, which the list adds to its scroll position) so that the list starts at row 0.
 */
export function withEarlier(loaded: Loaded, before: ArticleCursor, page: ArticlePage, kept = KEPT_ROWS): Loading {
  const first = loaded.rows[0];
  if (!first || !sameCursor(cursorOf(first), before)) return { loaded, shift: 0 };
  const above = [...page.articles].reverse();
  const all = [...above, ...loaded.rows];
  const rows = all.slice(0, kept);
  const next = rows.length < all.length ? cursorOf(rows[rows.length - 1]) : loaded.next;
  const earlier = page.next !== null;
  const offset = loaded.offset - above.length;
  // Nothing above: the list starts here. More above than counted: they go before row 0.
  const shift = !earlier ? -offset : Math.max(0, -offset);
  return { loaded: { rows, offset: offset + shift, earlier, next }, shift };
}

/**
 * The rows either side of `row` (which sat at `index` in the whole list), from the pages asked
 * for from it in both orders: what a selection scrolled far out of the loaded rows comes back to.
 */
export function around(row: ArticleSummary, index: number, above: ArticlePage, below: ArticlePage): Loaded {
  const before = [...above.articles].reverse();
  const earlier = above.next !== null;
  return {
    rows: [...before, row, ...below.articles],
    offset: earlier ? Math.max(0, index - before.length) : 0,
    earlier,
    next: below.next,
  };
}

/** A loaded row and its place in the whole list. */
export interface Placed {
  row: ArticleSummary;
  index: number;
}

/**
 * The row a reload keeps where it is on screen: the selected one when it is in view, else the
 * first in view. None at the very top with no selection in view: there, new articles are meant
 * to show.
 */
export function rowToKeep(loaded: Loaded, selectedId: number | null, inView: RowWindow): Placed | null {
  const placed = (index: number): Placed | null => {
    const row = loaded.rows[index - loaded.offset];
    return row ? { row, index } : null;
  };
  const selected = loaded.rows.findIndex((row) => row.id === selectedId) + loaded.offset;
  if (selected >= loaded.offset && selected >= inView.start && selected < inView.end) return placed(selected);
  return inView.start > 0 ? placed(inView.start) : null;
}

/**
 * The cursor from which a page starts with `row` itself: just past it, in the order asked for.
 * Ids are whole numbers, so nothing lies between the row and that cursor.
 */
export function cursorThrough(row: Pick<ArticleSummary, "sortAt" | "id">, oldestFirst: boolean): ArticleCursor {
  return { sortAt: row.sortAt, id: oldestFirst ? row.id - 1 : row.id + 1 };
}

/**
 * The view read again around `kept` (asked for from it in the opposite order, `above`, and from
 * `cursorThrough` it, `from`). `kept` stays at its place on screen: `shift` is how many more rows
 * (or fewer) now come before it where the list starts within `above`; further up, rows arrived
 * above are counted when scrolled to (`withEarlier`). A row no longer in the view is left out,
 * unless it is `reading`: the article on screen stays in the list it was opened from.
 */
export function reloadedAround(kept: Placed, above: ArticlePage, from: ArticlePage, reading: boolean): Loading {
  const stored = from.articles[0]?.id === kept.row.id ? from.articles[0] : null;
  const below = stored ? from.articles.slice(1) : from.articles;
  const row = stored ?? (reading ? kept.row : null);
  const before = [...above.articles].reverse();
  const earlier = above.next !== null;
  const offset = earlier ? Math.max(0, kept.index - before.length) : 0;
  return {
    loaded: { rows: row ? [...before, row, ...below] : [...before, ...below], offset, earlier, next: from.next },
    shift: offset + before.length - kept.index,
  };
}

/** The rows as changed by `change`, where they are. */
export function changed(loaded: Loaded, change: (row: ArticleSummary) => ArticleSummary): Loaded {
  return { ...loaded, rows: loaded.rows.map(change) };
}
