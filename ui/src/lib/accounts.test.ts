import { describe, expect, it } from "vitest";
import type { Folder } from "./api";
import {
  accountSections, destinationLabel, feedDestinations, passwordReason, pendingText, refusedText, showsSections, syncedText,
  keptHereText, tagsSyncText, wantsPassword,
} from "./accounts";
import { account, feedSummary } from "./fixtures";
import { feedTree, sectionLines } from "./tree";

const local = account({ id: 1 });
const remote = account({ id: 2 });
const folder = (id: number, accountId: number): Folder => ({ id, name: `Folder ${id}`, unreadCount: 0, accountId });

describe("an account's header", () => {
  it("says when it last synced, and what waits to be sent", () => {
    const now = new Date(1_000_000_000);
    expect(syncedText(remote, now)).toBe("Not synced yet");
    expect(syncedText({ ...remote, lastSyncAt: 1_000_000 - 120 }, now)).toBe("Synced 2 min ago");
    expect(pendingText(remote)).toBeNull();
    expect(pendingText({ ...remote, pendingChanges: 1 })).toBe("1 change to send");
    expect(pendingText({ ...remote, pendingChanges: 3 })).toBe("3 changes to send");
  });

  it("puts what a server refused in one toast, so that none hides another", () => {
    expect(refusedText([])).toBeNull();
    expect(refusedText(["gone"])).toBe("The server refused a change: gone");
    expect(refusedText(["a", "b"])).toBe("The server refused 2 changes: a; b");
  });
});

describe("the sidebar's sections", () => {
  it("shows none while the library is the only account", () => {
    expect(showsSections([local])).toBe(false);
    expect(showsSections([local, remote])).toBe(true);
  });

  it("gives each account its feeds and folders, in the accounts' order", () => {
    const feeds = [feedSummary({ id: 1 }), feedSummary({ id: 2, accountId: 2 }), feedSummary({ id: 3, accountId: 9 })];
    const sections = accountSections([local, remote], feeds, [folder(10, 2), folder(11, 1)]);
    expect(sections.map((s) => [s.account.id, s.feeds.map((f) => f.id), s.folders.map((f) => f.id)])).toEqual([
      [1, [1, 3], [11]],
      [2, [2], [10]],
    ]);
  });

  it("puts each account's header above its tree, and keeps a feed's parent pointing at its folder", () => {
    const feeds = [feedSummary({ id: 1 }), feedSummary({ id: 2, accountId: 2, folderId: 10 })];
    const sections = accountSections([local, remote], feeds, [folder(10, 2)]);
    const lines = sectionLines(sections.map((s) => ({ account: s.account, tree: feedTree(s.feeds, s.folders) })), new Set());
    expect(lines.map((l) => l.key)).toEqual(["account:1", "feed:1", "account:2", "account-status:2", "folder:10", "feed:2"]);
    const last = lines[5];
    expect(last.kind === "feed" && last.parent).toBe(4);
  });
});

describe("giving a password again", () => {
  it("is offered when the login failed or no keychain kept the password, never for the library", () => {
    expect(wantsPassword(remote)).toBe(false);
    expect(wantsPassword({ ...remote, lastError: "the server could not be reached" })).toBe(false);
    expect(wantsPassword({ ...remote, loginFailed: true })).toBe(true);
    expect(wantsPassword({ ...remote, passwordNotKept: true })).toBe(true);
    expect(wantsPassword({ ...local, loginFailed: true })).toBe(false);
  });

  it("says why it is asked", () => {
    const failed = { ...remote, loginFailed: true, lastError: "rss2.example: the server refused the user name or password" };
    expect(passwordReason(failed)).toBe("The last sync could not sign in: rss2.example: the server refused the user name or password");
    expect(passwordReason({ ...remote, passwordNotKept: true })).toMatch(/^No keychain took the password/);
    expect(passwordReason(remote)).toBeNull();
  });
});

describe("where a new feed goes", () => {
  const can = { subscribe: true, unsubscribe: true, renameFeed: true, moveFeed: true, labels: true };
  const fever = account({ id: 3, kind: "fever" });

  it("is the library, or an account whose server lets Tidings subscribe it (Fever's does not)", () => {
    const libraryOnly = feedDestinations([{ ...local, abilities: can }, fever]);
    expect(libraryOnly.map((a) => a.id)).toEqual([1]);
    const both = feedDestinations([{ ...local, abilities: can }, { ...remote, abilities: can }, fever]);
    expect(both.map((a) => a.id)).toEqual([1, 2]);
  });

  it("names an account with its user, the library as it is called", () => {
    expect(destinationLabel(local)).toBe("On this computer");
    expect(destinationLabel(remote)).toBe("rss2.example (reader)");
  });
});

describe("what the tags dialog says of an article's account", () => {
  it("is nothing on this computer, labels where the service has them, local tags where it has none", () => {
    expect(tagsSyncText(local)).toBeNull();
    expect(tagsSyncText(undefined)).toBeNull();
    const labels = { subscribe: true, unsubscribe: true, renameFeed: true, moveFeed: true, labels: true };
    expect(tagsSyncText({ ...remote, abilities: labels })).toBe("Tags here are labels on rss2.example: they sync with your other devices.");
    expect(tagsSyncText(account({ id: 3, kind: "fever" }))).toBe("rss3.example has no labels: tags on its articles stay on this computer.");
  });
});

describe("what Settings says stays on this computer", () => {
  it("is highlights and notes everywhere, and tags where the service has no labels", () => {
    expect(keptHereText(local)).toBeNull();
    const labels = { subscribe: true, unsubscribe: true, renameFeed: true, moveFeed: true, labels: true };
    expect(keptHereText({ ...remote, abilities: labels })).toBe("Tags sync as its labels; highlights and notes stay on this computer.");
    expect(keptHereText(account({ id: 3, kind: "fever" }))).toBe("Tags, highlights and notes stay on this computer.");
  });
});
