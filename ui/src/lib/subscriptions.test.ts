import { describe, expect, it } from "vitest";
import { alreadySubscribedText } from "./subscriptions";

describe("adding a feed", () => {
  it("names the feed already subscribed to", () => {
    expect(alreadySubscribedText({ title: "The Blog" })).toBe("Already subscribed to “The Blog”.");
  });
});
