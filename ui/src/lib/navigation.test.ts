import { describe, expect, it } from "vitest";
import { scrolledPast, stepIndex, unreadIndex } from "./navigation";

const rows = [
  { id: 1, isRead: true },
  { id: 2, isRead: false },
  { id: 3, isRead: true },
  { id: 4, isRead: false },
];

describe("moving through the list", () => {
  it("steps and stops at the ends", () => {
    expect(stepIndex(0, -1, 1)).toBeNull();
    expect(stepIndex(4, -1, 1)).toBe(0);
    expect(stepIndex(4, -1, -1)).toBe(3);
    expect(stepIndex(4, 3, 1)).toBe(3);
    expect(stepIndex(4, 0, -1)).toBe(0);
  });

  it("finds the next and previous unread", () => {
    expect(unreadIndex(rows, -1, 1)).toBe(1);
    expect(unreadIndex(rows, 1, 1)).toBe(3);
    expect(unreadIndex(rows, 3, 1)).toBeNull();
    expect(unreadIndex(rows, 3, -1)).toBe(1);
    expect(unreadIndex(rows, 1, -1)).toBeNull();
  });

  it("collects the unread rows scrolled out of view", () => {
    expect(scrolledPast(rows, 0, 4)).toEqual([2, 4]);
    expect(scrolledPast(rows, 2, 3)).toEqual([]);
    expect(scrolledPast(rows, 3, 1)).toEqual([]);
  });
});
