import type { FeedFormat } from "./api";

/** Relative time for list rows: "now", "5 min", "2 h", "Yesterday", then a date. */
export function relativeTime(unixSeconds: number, now: Date = new Date()): string {
  const then = new Date(unixSeconds * 1000);
  const seconds = Math.max(0, (now.getTime() - then.getTime()) / 1000);
  if (seconds < 60) return "now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (then >= startOfToday) return `${Math.floor(seconds / 3600)} h`;
  const startOfYesterday = new Date(startOfToday.getTime() - 86_400_000);
  if (then >= startOfYesterday) return "Yesterday";
  const sameYear = then.getFullYear() === now.getFullYear();
  return then.toLocaleDateString(undefined, sameYear
    ? { month: "short", day: "numeric" }
    : { year: "numeric", month: "short", day: "numeric" });
}

/** The reader's date line: "Tuesday, June 25, 2024". */
export function longDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString(undefined, {
    weekday: "long", year: "numeric", month: "long", day: "numeric",
  });
}

/** A length of time in the largest whole unit: "5 min", "2 h", "3 days". */
function span(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(seconds / 3600);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(seconds / 86_400);
  return days === 1 ? "1 day" : `${days} days`;
}

/** How long ago, for feed health: "just now", "5 min ago", "3 days ago". */
export function timeAgo(unixSeconds: number, now: Date = new Date()): string {
  const seconds = now.getTime() / 1000 - unixSeconds;
  return seconds < 60 ? "just now" : `${span(seconds)} ago`;
}

/** How long until, for the next check: "in 5 min", "in 2 h"; a time already past is "any moment". */
export function timeUntil(unixSeconds: number, now: Date = new Date()): string {
  const seconds = unixSeconds - now.getTime() / 1000;
  return seconds < 60 ? "any moment now" : `in ${span(seconds)}`;
}

/** Date and time in the person's locale: "25 Jun 2024, 08:00". */
export function dateTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** A feed format as people know it. */
export function formatName(format: FeedFormat): string {
  switch (format) {
    case "rss": return "RSS";
    case "atom": return "Atom";
    case "json": return "JSON Feed";
    case "unknown": return "Feed";
  }
}

/** "1 feed", "3 feeds". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
