import { describe, expect, it } from "vitest";
import { FEED_INTERVALS, feedSettingsOf, intervalChoices } from "./feedSettings";
import { feedSummary } from "./fixtures";

describe("a feed's settings", () => {
  it("offer the usual intervals, and a feed's own when it is another", () => {
    expect(intervalChoices(null)).toBe(FEED_INTERVALS);
    expect(intervalChoices(60)).toBe(FEED_INTERVALS);
    expect(intervalChoices(45).at(-1)).toEqual({ minutes: 45, label: "Every 45 minutes" });
  });

  it("are read off the feed as the sidebar has it", () => {
    const feed = feedSummary({ id: 1, refreshMinutes: 60, notify: true, keepImages: false, fullText: true });
    expect(feedSettingsOf(feed)).toEqual({ refreshMinutes: 60, notify: true, keepImages: false, fullText: true });
  });
});
