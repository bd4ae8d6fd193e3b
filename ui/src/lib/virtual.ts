// The article list draws only the rows in view (plus a few either side), so a view of 100k
// articles costs what a view of 30 does. Rows have one height per density.

export interface RowWindow {
  /** First row drawn. */
  start: number;
  /** One past the last row drawn. */
  end: number;
}

/** The rows to draw for the list scrolled to `scrollTop` in a viewport `height` tall. */
export function rowWindow(scrollTop: number, height: number, rowHeight: number, count: number, overscan = 6): RowWindow {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  return {
    start: Math.max(0, Math.min(count, first - overscan)),
    end: Math.min(count, last + overscan),
  };
}

/** Where to scroll so that row `index` is fully in view; `null` when it already is. */
export function scrollToRow(index: number, rowHeight: number, scrollTop: number, height: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height) return Math.max(0, bottom - height);
  return null;
}

/** The first row wholly or partly in view. */
export function firstVisibleRow(scrollTop: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.floor(Math.max(0, scrollTop) / rowHeight) : 0;
}

/** Row height in pixels for each density: compact rows hold one line of title, comfortable two. */
export const ROW_HEIGHT = { compact: 50, comfortable: 80 } as const;
