import { describe, expect, it } from "vitest";
import { summariseImport } from "./opml";

describe("the OPML import report", () => {
  it("counts what was added and what was already there", () => {
    expect(summariseImport({ added: 12, alreadySubscribed: 3, rejected: [] })).toEqual({
      headline: "12 feeds added, 3 already subscribed.", notes: [], refused: [],
    });
    expect(summariseImport({ added: 1, alreadySubscribed: 0, rejected: [] }).headline).toBe(
      "1 feed added, 0 already subscribed.",
    );
  });

  it("lists refused entries with their reasons, naming each by title or else address", () => {
    const summary = summariseImport({
      added: 0,
      alreadySubscribed: 0,
      rejected: [
        { title: "Old blog", url: "ftp://example.com/feed", reason: "not a web address" },
        { title: " ", url: "https://example.com/x.xml", reason: "listed twice" },
        { title: "No address", url: "", reason: "the entry has no xmlUrl" },
      ],
    });
    expect(summary.refused).toEqual([
      { name: "Old blog", url: "ftp://example.com/feed", reason: "not a web address" },
      { name: "https://example.com/x.xml", url: "https://example.com/x.xml", reason: "listed twice" },
      { name: "No address", url: "", reason: "the entry has no xmlUrl" },
    ]);
    expect(summary.notes).toEqual([]);
  });

  it("shows an entry with neither title nor address as a note about the file", () => {
    const summary = summariseImport({
      added: 40,
      alreadySubscribed: 0,
      rejected: [{ title: "", url: "", reason: "the file is damaged at line 212; entries after it were not read" }],
    });
    expect(summary.notes).toEqual(["the file is damaged at line 212; entries after it were not read"]);
    expect(summary.refused).toEqual([]);
  });
});
