import { describe, expect, it } from "vitest";
import { count, formatName, relativeTime, timeAgo, timeUntil } from "./format";

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

describe("feed health times", () => {
  const now = new Date(2024, 5, 25, 15, 0, 0);
  const at = (offset: number) => now.getTime() / 1000 + offset;

  it("says how long ago the last success was", () => {
    expect(timeAgo(at(-10), now)).toBe("just now");
    expect(timeAgo(at(-5 * 60), now)).toBe("5 min ago");
    expect(timeAgo(at(-3 * 3600), now)).toBe("3 h ago");
    expect(timeAgo(at(-86_400), now)).toBe("1 day ago");
    expect(timeAgo(at(-3 * 86_400), now)).toBe("3 days ago");
  });

  it("says when the next check is, rounding to the nearest unit", () => {
    expect(timeUntil(at(28 * 60 + 40), now)).toBe("in 29 min");
    expect(timeUntil(at(59 * 60 + 50), now)).toBe("in 1 h");
    expect(timeUntil(at(2 * 3600), now)).toBe("in 2 h");
    expect(timeUntil(at(47 * 3600), now)).toBe("in 2 days");
  });

  it("calls a check that is due or overdue imminent, never negative", () => {
    expect(timeUntil(at(30), now)).toBe("any moment now");
    expect(timeUntil(at(-600), now)).toBe("any moment now");
  });
});

describe("words", () => {
  it("names feed formats", () => {
    expect(formatName("rss")).toBe("RSS");
    expect(formatName("atom")).toBe("Atom");
    expect(formatName("json")).toBe("JSON Feed");
    expect(formatName("unknown")).toBe("Feed");
  });

  it("counts nouns", () => {
    expect(count(0, "feed")).toBe("0 feeds");
    expect(count(1, "feed")).toBe("1 feed");
    expect(count(12, "feed")).toBe("12 feeds");
  });
});
