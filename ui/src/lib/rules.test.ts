import { describe, expect, it } from "vitest";
import { feedSummary } from "./fixtures";
import { describeRule, matchText, NEW_RULE, ruleOfForm, savedText } from "./rules";

describe("the rule builder", () => {
  it("makes the rule the form says", () => {
    expect(ruleOfForm({ ...NEW_RULE, value: " sponsored " })).toEqual({
      rule: { scope: { kind: "all" }, condition: { kind: "words", field: "title", words: "sponsored" }, action: { kind: "mute" } },
    });
    expect(ruleOfForm({ ...NEW_RULE, scope: "feed:4", field: "text", test: "phrase", value: "live blog", action: "tag", tag: " Live " })).toEqual({
      rule: { scope: { kind: "feed", feedId: 4 }, condition: { kind: "phrase", field: "text", phrase: "live blog" }, action: { kind: "tag", tag: "Live" } },
    });
    expect(ruleOfForm({ ...NEW_RULE, scope: "folder:2", test: "olderThan", value: "30", action: "markRead" })).toEqual({
      rule: { scope: { kind: "folder", folderId: 2 }, condition: { kind: "olderThan", days: 30 }, action: { kind: "markRead" } },
    });
    expect(ruleOfForm({ ...NEW_RULE, test: "hasAttachment", action: "bookmark" })).toMatchObject({
      rule: { condition: { kind: "hasAttachment" }, action: { kind: "bookmark" } },
    });
  });

  it("says what it still needs", () => {
    expect(ruleOfForm(NEW_RULE)).toEqual({ missing: "Type the words to look for." });
    expect(ruleOfForm({ ...NEW_RULE, test: "regex" })).toEqual({ missing: "Type a pattern." });
    expect(ruleOfForm({ ...NEW_RULE, test: "olderThan", value: "1.5" })).toHaveProperty("missing");
    expect(ruleOfForm({ ...NEW_RULE, value: "x", action: "tag", tag: "  " })).toEqual({ missing: "Name the tag." });
  });

  it("says a rule in words", () => {
    const feeds = [feedSummary({ id: 4, title: "Harbour Post" })];
    const rule = ruleOfForm({ ...NEW_RULE, scope: "feed:4", value: "sponsored" });
    if (!("rule" in rule)) throw new Error("no rule");
    expect(describeRule(rule.rule, feeds, [])).toBe("When the title has the words “sponsored”, mute it — Harbour Post");
    expect(describeRule({ scope: { kind: "all" }, condition: { kind: "olderThan", days: 1 }, action: { kind: "tag", tag: "old" } }, [], []))
      .toBe("When it is older than 1 day, tag it “old” — every feed");
    const notify = ruleOfForm({ ...NEW_RULE, action: "notify", value: "storm" });
    if (!("rule" in notify)) throw new Error("no rule");
    expect(describeRule(notify.rule, feeds, [])).toBe("When the title has the words “storm”, notify me — every feed");
  });

  it("counts what it took", () => {
    expect(matchText(0)).toBe("No article matches yet.");
    expect(matchText(1)).toBe("1 article matches");
    expect(matchText(1200)).toBe("1,200 articles match");
    expect(matchText(1200, true)).toBe("About 1,200 articles match");
    const saved = { rule: { id: 1, rule: { scope: { kind: "all" as const }, condition: { kind: "hasAttachment" as const }, action: { kind: "mute" as const } } }, changed: 2, undo: 9 };
    expect(savedText(saved)).toBe("Rule saved: muted 2 articles.");
  });
});
