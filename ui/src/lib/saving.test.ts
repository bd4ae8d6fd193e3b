import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "./api";
import { savedText, savingText } from "./saving";

const article: ArticleSummary = {
  id: 3, feedId: null, sourceTitle: "news.example", title: "Putin and Kim sign a pact", url: "https://news.example/a",
  sortAt: 0, isRead: false, isBookmarked: false, isSaved: true,
};

describe("saving a page", () => {
  it("names the saved article", () => {
    expect(savedText({ article, note: null })).toBe("Saved “Putin and Kim sign a pact” to read later.");
  });

  it("says why a page was kept as a link only", () => {
    const note = "Saved as a link only: this is a PDF document, not a web page";
    expect(savedText({ article, note })).toBe(note);
  });

  it("shows which page is being saved while it is", () => {
    expect(savingText("https://news.example:8443/world/story.html")).toBe("Saving news.example:8443…");
    expect(savingText("not a url")).toBe("Saving…");
  });
});
