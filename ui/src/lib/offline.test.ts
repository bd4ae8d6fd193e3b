import { describe, expect, it } from "vitest";
import type { WorkReport } from "./api";
import { beforeKeeping, keptText, NOTHING_KEPT, offlineMark, savedNow, workReported, type OfflineState } from "./offline";

const article = (id: number, isBookmarked = false, isSaved = false) => ({ id, isBookmarked, isSaved });
const allKept = { stored: 3, failed: 0, overCap: 0, waiting: 0 };
const kept = (state: OfflineState, articleId: number): OfflineState =>
  workReported(state, { kind: "imagesKept", articleId, kept: allKept });
const offline: WorkReport = { kind: "waitingForNetwork", articleId: 1, reason: "could not connect to the server" };
const text = (state: OfflineState, a: Parameters<typeof offlineMark>[1]) => offlineMark(state, a)?.text ?? null;

describe("the offline mark", () => {
  it("is not shown for articles that are neither bookmarked nor saved", () => {
    expect(offlineMark(NOTHING_KEPT, article(1))).toBeNull();
    expect(offlineMark(kept(NOTHING_KEPT, 1), article(1))).toBeNull();
  });

  it("trusts bookmarks and saves with no work pending", () => {
    expect(offlineMark(NOTHING_KEPT, article(1, true))).toEqual({ text: "Available offline", ready: true });
    expect(text(NOTHING_KEPT, article(1, false, true))).toBe("Available offline");
    expect(text(NOTHING_KEPT, { ...article(1, true), picturesPending: null })).toBe("Available offline");
  });

  it("says what the backend still has to do for an article loaded later (after a restart)", () => {
    expect(text(NOTHING_KEPT, { ...article(1, true), picturesPending: "working" })).toBe("Making available offline…");
    expect(offlineMark(NOTHING_KEPT, { ...article(1, true), picturesPending: "waitingForNetwork" }))
      .toEqual({ text: "Pictures will be kept when you are back online", ready: false });
  });

  it("waits for the pictures after a bookmark, whenever the report comes", () => {
    let state = beforeKeeping(NOTHING_KEPT, article(1));
    expect(text(state, article(1, true))).toBe("Making available offline…");
    state = kept(state, 1);
    expect(text(state, article(1, true))).toBe("Available offline");
    expect(state.pending.has(1)).toBe(false);
  });

  it("says the pictures will come with the network, until they do", () => {
    let state = workReported(beforeKeeping(NOTHING_KEPT, article(1)), offline);
    expect(offlineMark(state, article(1, true))?.ready).toBe(false);
    expect(text(state, article(1, true))).toBe("Pictures will be kept when you are back online");
    state = kept(state, 1);
    expect(text(state, { ...article(1, true), picturesPending: "waitingForNetwork" })).toBe("Available offline");
  });

  it("expects the pictures of a page read once the network came back", () => {
    const read = workReported(workReported(NOTHING_KEPT, offline), { kind: "pageRead", articleId: 1 });
    expect(text(read, article(1, false, true))).toBe("Making available offline…");
  });

  it("starts over when an article is bookmarked again after being let go", () => {
    expect(text(beforeKeeping(kept(NOTHING_KEPT, 1), article(1)), article(1, true))).toBe("Making available offline…");
  });

  it("keeps the mark when a saved article is bookmarked too", () => {
    const state = kept(NOTHING_KEPT, 1);
    expect(beforeKeeping(state, article(1, false, true))).toBe(state);
  });

  it("handles a save whose report arrived before the command's answer", () => {
    expect(text(savedNow(kept(NOTHING_KEPT, 7), 7), article(7, false, true))).toBe("Available offline");
    expect(text(savedNow(NOTHING_KEPT, 7), article(7, false, true))).toBe("Making available offline…");
  });

  it("says how many images could not be kept", () => {
    expect(keptText({ stored: 0, failed: 0, overCap: 0, waiting: 0 })).toBe("Available offline");
    expect(keptText({ stored: 2, failed: 1, overCap: 0, waiting: 0 })).toBe("Available offline, but 1 image could not be kept");
    expect(keptText({ stored: 2, failed: 1, overCap: 2, waiting: 1 })).toBe("Available offline, but 4 images could not be kept");
  });
});
