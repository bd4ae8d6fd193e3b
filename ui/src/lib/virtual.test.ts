import { describe, expect, it } from "vitest";
import { firstVisibleRow, rowWindow, scrollToRow } from "./virtual";

describe("the virtual list", () => {
  it("draws the rows in view and a few either side", () => {
    expect(rowWindow(0, 500, 50, 100_000, 5)).toEqual({ start: 0, end: 15 });
    expect(rowWindow(5_000, 500, 50, 100_000, 5)).toEqual({ start: 95, end: 115 });
    // The same handful of rows however deep the list.
    const deep = rowWindow(50 * 99_990, 500, 50, 100_000, 5);
    expect(deep).toEqual({ start: 99_985, end: 100_000 });
  });

  it("copes with an empty list and odd sizes", () => {
    expect(rowWindow(0, 500, 50, 0)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(-30, 500, 50, 3, 0)).toEqual({ start: 0, end: 3 });
    expect(rowWindow(10_000, 500, 50, 3, 2)).toEqual({ start: 3, end: 3 });
  });

  it("scrolls just enough to show a row", () => {
    expect(scrollToRow(0, 50, 0, 500)).toBeNull();
    expect(scrollToRow(12, 50, 0, 500)).toBe(150);
    expect(scrollToRow(2, 50, 400, 500)).toBe(100);
    expect(scrollToRow(9, 50, 0, 500)).toBeNull();
  });

  it("knows the first row in view", () => {
    expect(firstVisibleRow(0, 50)).toBe(0);
    expect(firstVisibleRow(149, 50)).toBe(2);
  });
});
