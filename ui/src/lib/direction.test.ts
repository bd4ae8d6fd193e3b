import { describe, expect, it } from "vitest";
import { directionOf } from "./direction";

describe("which way an article's text runs", () => {
  it("runs right to left when its feed's language is written so", () => {
    for (const language of ["ar", "he-IL", "fa", "ur-PK", "yi", "az-Arab"]) expect(directionOf(language)).toBe("rtl");
  });

  it("is left to the text itself otherwise", () => {
    for (const language of [null, "", "en", "de-CH", "zh-Hant", "ku-Latn", "ja"]) expect(directionOf(language)).toBe("auto");
  });
});
