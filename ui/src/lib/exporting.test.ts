import { describe, expect, it } from "vitest";
import { commonFolder, exportSummary } from "./exporting";

describe("what an export says", () => {
  it("names how many articles went where", () => {
    const report = { written: ["/home/me/Reading/a.md", "/home/me/Reading/b.md"], missingImages: 0 };
    expect(exportSummary(report, "markdown")).toEqual({
      headline: "Exported 2 articles to /home/me/Reading.", folder: "/home/me/Reading", note: null,
    });
  });

  it("counts the pictures an HTML export could not include", () => {
    const one = exportSummary({ written: ["/tmp/out/story.html"], missingImages: 1 }, "html");
    expect(one.headline).toBe("Exported 1 article to /tmp/out.");
    expect(one.note).toBe("1 picture could not be included: it was never kept offline.");
    expect(exportSummary({ written: ["/tmp/out/a.html"], missingImages: 3 }, "html").note)
      .toBe("3 pictures could not be included: they were never kept offline.");
  });

  it("never speaks of missing pictures for Markdown, which links to them", () => {
    expect(exportSummary({ written: ["/tmp/a.md"], missingImages: 4 }, "markdown").note).toBeNull();
  });

  it("says when there was nothing to export", () => {
    expect(exportSummary({ written: [], missingImages: 0 }, "html")).toEqual({
      headline: "There was nothing to export.", folder: null, note: null,
    });
  });
});

describe("the folder files went to", () => {
  it("is the shared parent of every path", () => {
    expect(commonFolder(["/a/b/c.md"])).toBe("/a/b");
    expect(commonFolder(["/a/b/c.md", "/a/b/d/e.md"])).toBe("/a/b");
    expect(commonFolder(["/x.md"])).toBe("/");
    expect(commonFolder(["C:\\Users\\me\\Export\\a.html", "C:\\Users\\me\\Export\\b.html"])).toBe("C:\\Users\\me\\Export");
    expect(commonFolder([])).toBeNull();
  });
});
