import { describe, expect, it } from "vitest";
import { relativeTime } from "./format";

describe("relative times in the article list", () => {
  const now = new Date(2024, 5, 25, 15, 0, 0);
  const ago = (seconds: number) => now.getTime() / 1000 - seconds;

  it("counts minutes and hours today", () => {
    expect(relativeTime(ago(20), now)).toBe("now");
    expect(relativeTime(ago(5 * 60), now)).toBe("5 min");
    expect(relativeTime(ago(2 * 3600), now)).toBe("2 h");
  });

  it("says Yesterday, then dates", () => {
    expect(relativeTime(ago(18 * 3600), now)).toBe("Yesterday");
    expect(relativeTime(ago(10 * 86400), now)).not.toMatch(/h|min|Yesterday/);
  });

  it("never shows a future time as negative", () => {
    expect(relativeTime(ago(-3600), now)).toBe("now");
  });
});
