import { describe, expect, it } from "vitest";
import { beforeKeeping, imagesKept, keptText, NOTHING_KEPT, offlineMark, savedNow } from "./offline";

const article = (id: number, isBookmarked = false, isSaved = false) => ({ id, isBookmarked, isSaved });
const allKept = { stored: 3, failed: 0, overCap: 0 };

describe("the offline mark", () => {
  it("is not shown for articles that are neither bookmarked nor saved", () => {
    expect(offlineMark(NOTHING_KEPT, article(1))).toBeNull();
    expect(offlineMark(imagesKept(NOTHING_KEPT, 1, allKept), article(1))).toBeNull();
  });

  it("trusts bookmarks and saves from before this session", () => {
    expect(offlineMark(NOTHING_KEPT, article(1, true))).toBe("Available offline");
    expect(offlineMark(NOTHING_KEPT, article(1, false, true))).toBe("Available offline");
  });

  it("waits for the images after a bookmark, whenever the event comes", () => {
    let state = beforeKeeping(NOTHING_KEPT, article(1));
    expect(offlineMark(state, article(1, true))).toBe("Making available offline…");
    state = imagesKept(state, 1, allKept);
    expect(offlineMark(state, article(1, true))).toBe("Available offline");
    expect(state.pending.has(1)).toBe(false);
  });

  it("starts over when an article is bookmarked again after being let go", () => {
    const kept = imagesKept(NOTHING_KEPT, 1, allKept);
    expect(offlineMark(beforeKeeping(kept, article(1)), article(1, true))).toBe("Making available offline…");
  });

  it("keeps the mark when a saved article is bookmarked too", () => {
    const kept = imagesKept(NOTHING_KEPT, 1, allKept);
    expect(beforeKeeping(kept, article(1, false, true))).toBe(kept);
  });

  it("handles a save whose event arrived before the command's answer", () => {
    const early = imagesKept(NOTHING_KEPT, 7, allKept);
    expect(offlineMark(savedNow(early, 7), article(7, false, true))).toBe("Available offline");
    expect(offlineMark(savedNow(NOTHING_KEPT, 7), article(7, false, true))).toBe("Making available offline…");
  });

  it("says how many images could not be kept", () => {
    expect(keptText({ stored: 0, failed: 0, overCap: 0 })).toBe("Available offline");
    expect(keptText({ stored: 2, failed: 1, overCap: 0 })).toBe("Available offline, but 1 image could not be kept");
    expect(keptText({ stored: 2, failed: 1, overCap: 2 })).toBe("Available offline, but 3 images could not be kept");
  });
});
