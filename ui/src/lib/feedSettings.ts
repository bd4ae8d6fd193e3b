// What a person sets for one feed in Feed details: how often it is checked, whether its new
// articles are notified, kept offline with their pictures, read in full.
import type { FeedSettings, FeedSummary } from "./api";

/** The intervals offered, in minutes; `null` follows Settings. */
export const FEED_INTERVALS: ReadonlyArray<{ minutes: number | null; label: string }> = [
  { minutes: null, label: "As in Settings" },
  { minutes: 15, label: "Every 15 minutes" },
  { minutes: 30, label: "Every 30 minutes" },
  { minutes: 60, label: "Every hour" },
  { minutes: 180, label: "Every 3 hours" },
  { minutes: 720, label: "Every 12 hours" },
  { minutes: 1440, label: "Once a day" },
];

/** The choices for a feed: those offered, and its own if it was set to another (from the CLI). */
export function intervalChoices(current: number | null): ReadonlyArray<{ minutes: number | null; label: string }> {
  if (FEED_INTERVALS.some((choice) => choice.minutes === current)) return FEED_INTERVALS;
  return [...FEED_INTERVALS, { minutes: current, label: `Every ${current} minutes` }];
}

export function feedSettingsOf(feed: FeedSummary): FeedSettings {
  return { refreshMinutes: feed.refreshMinutes, notify: feed.notify, keepImages: feed.keepImages, fullText: feed.fullText };
}
