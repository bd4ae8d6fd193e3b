// Sample data for unit tests: one place to follow when the generated types gain a field.
import type { FeedSummary } from "./api";

export function feedSummary(change: Partial<FeedSummary> & Pick<FeedSummary, "id">): FeedSummary {
  return {
    url: `https://example.com/${change.id}.xml`,
    title: `Feed ${change.id}`,
    siteUrl: null,
    folderId: null,
    unreadCount: 0,
    status: "active",
    lastSuccessAt: null,
    lastError: null,
    failureCount: 0,
    nextPollAt: null,
    fullText: false,
    ...change,
  };
}
