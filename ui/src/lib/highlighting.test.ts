import { describe, expect, it } from "vitest";
import type { HighlightEntry } from "./api";
import { byArticle } from "./highlighting";

const entry = (id: number, articleId: number): HighlightEntry => ({
  id,
  articleId,
  articleTitle: `Article ${articleId}`,
  source: "Harbour Post",
  quote: `Words ${id}`,
  color: "yellow",
  note: "",
  createdAt: id,
});

describe("the Highlights view's groups", () => {
  it("gathers each run of one article's highlights under it, in the order given", () => {
    const groups = byArticle([entry(5, 2), entry(4, 2), entry(3, 1), entry(2, 2)]);
    expect(groups.map((g) => [g.articleId, g.entries.map((e) => e.id)])).toEqual([
      [2, [5, 4]],
      [1, [3]],
      [2, [2]],
    ]);
    expect(groups[0].title).toBe("Article 2");
    expect(byArticle([])).toEqual([]);
  });
});
