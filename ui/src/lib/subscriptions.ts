// What adding a feed tells the person.
import type { FeedSummary } from "./api";

/** Adding a feed that is subscribed to already, maybe at another of its addresses. */
export function alreadySubscribedText(feed: Pick<FeedSummary, "title">): string {
  return `Already subscribed to “${feed.title}”.`;
}
