import { describe, expect, it } from "vitest";
import { sameView } from "./views";

describe("views", () => {
  it("are the same when they show the same articles", () => {
    expect(sameView({ kind: "unread" }, { kind: "unread" })).toBe(true);
    expect(sameView({ kind: "unread" }, { kind: "all" })).toBe(false);
    expect(sameView({ kind: "feed", feedId: 1 }, { kind: "feed", feedId: 1 })).toBe(true);
    expect(sameView({ kind: "feed", feedId: 1 }, { kind: "feed", feedId: 2 })).toBe(false);
    expect(sameView({ kind: "folder", folderId: 1 }, { kind: "feed", feedId: 1 })).toBe(false);
    expect(sameView({ kind: "folder", folderId: 3 }, { kind: "folder", folderId: 3 })).toBe(true);
  });
});
