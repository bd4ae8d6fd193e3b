import { describe, expect, it } from "vitest";
import { suggestedTags, typedTags } from "./tags";

describe("tags typed", () => {
  it("are split by commas, without blanks or repeats", () => {
    expect(typedTags("rust, to read ,, Rust,  ")).toEqual(["rust", "to read"]);
    expect(typedTags("   ")).toEqual([]);
    expect(typedTags("one")).toEqual(["one"]);
  });

  it("suggest tags in use that start with the last name typed, not those the article has", () => {
    const inUse = ["Recipes", "Rust", "science", "to read"];
    expect(suggestedTags(inUse, ["rust"], "")).toEqual(["Recipes", "science", "to read"]);
    expect(suggestedTags(inUse, [], "science, r")).toEqual(["Recipes", "Rust"]);
    expect(suggestedTags(inUse, ["Recipes"], "R")).toEqual(["Rust"]);
  });
});
