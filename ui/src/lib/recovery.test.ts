import { describe, expect, it } from "vitest";
import { outcomeText } from "./recovery";

const problem = { path: "/data/tidings.db", reason: "file is not a database", damaged: false };

describe("what the recovery screen says after an action", () => {
  it("names where a backup went", () => {
    expect(outcomeText("backUp", { problem, copy: "/data/tidings.db.backup-1" })).toBe(
      "A copy of the file is at /data/tidings.db.backup-1.",
    );
  });
  it("names where the old file is kept after starting fresh", () => {
    expect(outcomeText("startFresh", { problem: null, copy: "/data/old" })).toBe("Your old file is kept at /data/old.");
  });
  it("says when trying again did not help, and nothing when it did", () => {
    expect(outcomeText("retry", { problem, copy: null })).toBe("It still could not be opened.");
    expect(outcomeText("retry", { problem: null, copy: null })).toBe("");
  });
  it("says a damaged library checked again is still damaged", () => {
    expect(outcomeText("retry", { problem: { ...problem, damaged: true }, copy: null })).toBe("It is still damaged.");
  });
});
