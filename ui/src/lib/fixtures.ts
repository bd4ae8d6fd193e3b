// Sample data for unit tests: one place to follow when the generated types gain a field.
import type { Account, FeedSummary } from "./api";

export function feedSummary(change: Partial<FeedSummary> & Pick<FeedSummary, "id">): FeedSummary {
  return {
    accountId: 1,
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
    refreshMinutes: null,
    notify: false,
    keepImages: false,
    icon: null,
    ...change,
  };
}

export function account(change: Partial<Account> & Pick<Account, "id">): Account {
  return {
    kind: change.id === 1 ? "local" : "greader",
    name: change.id === 1 ? "On this computer" : `rss${change.id}.example`,
    url: change.id === 1 ? null : `https://rss${change.id}.example/`,
    userName: change.id === 1 ? null : "reader",
    abilities: { subscribe: false, unsubscribe: false, renameFeed: false, moveFeed: false, labels: false },
    lastSyncAt: null,
    lastError: null,
    pendingChanges: 0,
    passwordNotKept: false,
    loginFailed: false,
    ...change,
  };
}
