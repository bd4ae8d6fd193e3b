// Rules as the builder writes them: a form a person fills in without knowing the JSON, the rule
// it makes (or what it still needs), and a rule said in words for the list. Pure, so it is
// tested without a window; the backend checks every rule again and says what is wrong.
import type { FeedSummary, Folder, Rule, RuleField, RuleSaved } from "./api";

export type TestChoice = "words" | "phrase" | "regex" | "olderThan" | "hasAttachment";
export type ActionChoice = "markRead" | "mute" | "bookmark" | "tag" | "notify";

export interface RuleForm {
  /** "all", "folder:ID" or "feed:ID". */
  scope: string;
  field: RuleField;
  test: TestChoice;
  /** The words, phrase or pattern; the days for "older than". */
  value: string;
  action: ActionChoice;
  tag: string;
}

export const NEW_RULE: RuleForm = { scope: "all", field: "title", test: "words", value: "", action: "mute", tag: "" };

export const FIELDS: ReadonlyArray<{ value: RuleField; label: string }> = [
  { value: "title", label: "the title" },
  { value: "text", label: "the text" },
  { value: "author", label: "the author" },
  { value: "feed", label: "the feed's name" },
  { value: "link", label: "the link" },
];

export const TESTS: ReadonlyArray<{ value: TestChoice; label: string }> = [
  { value: "words", label: "has the words" },
  { value: "phrase", label: "has the phrase" },
  { value: "regex", label: "matches the pattern" },
  { value: "olderThan", label: "is older than (days)" },
  { value: "hasAttachment", label: "has an attachment" },
];

export const ACTIONS: ReadonlyArray<{ value: ActionChoice; label: string }> = [
  { value: "mute", label: "mute it (hide it from every list)" },
  { value: "markRead", label: "mark it read" },
  { value: "bookmark", label: "bookmark it" },
  { value: "tag", label: "tag it" },
  { value: "notify", label: "notify me (when a refresh brings it)" },
];

/** Whether the test reads a field (the age and an attachment do not). */
export function testReadsField(test: TestChoice): boolean {
  return test === "words" || test === "phrase" || test === "regex";
}

/** The rule the form says, or what it still needs (said where the preview goes). */
export function ruleOfForm(form: RuleForm): { rule: Rule } | { missing: string } {
  const [kind, id] = form.scope.split(":");
  const scope: Rule["scope"] = kind === "feed" ? { kind: "feed", feedId: Number(id) }
    : kind === "folder" ? { kind: "folder", folderId: Number(id) } : { kind: "all" };
  const value = form.value.trim();
  let condition: Rule["condition"];
  switch (form.test) {
    case "hasAttachment": condition = { kind: "hasAttachment" }; break;
    case "olderThan": {
      const days = Number(value);
      if (!Number.isInteger(days) || days < 1 || days > 36_500) return { missing: "How many days old? (a whole number, 1 or more)" };
      condition = { kind: "olderThan", days };
      break;
    }
    default:
      if (value === "") return { missing: form.test === "regex" ? "Type a pattern." : "Type the words to look for." };
      condition = form.test === "words" ? { kind: "words", field: form.field, words: value }
        : form.test === "phrase" ? { kind: "phrase", field: form.field, phrase: value }
        : { kind: "regex", field: form.field, pattern: value };
  }
  let action: Rule["action"];
  if (form.action === "tag") {
    if (form.tag.trim() === "") return { missing: "Name the tag." };
    action = { kind: "tag", tag: form.tag.trim() };
  } else {
    action = { kind: form.action };
  }
  return { rule: { scope, condition, action } };
}

/** A rule in words: "When the title has the words “sponsored”, mute it — every feed". */
export function describeRule(rule: Rule, feeds: readonly FeedSummary[], folders: readonly Folder[]): string {
  const field = (f: RuleField) => FIELDS.find((x) => x.value === f)?.label ?? f;
  const c = rule.condition;
  const when = c.kind === "words" ? `${field(c.field)} has the words “${c.words}”`
    : c.kind === "phrase" ? `${field(c.field)} has the phrase “${c.phrase}”`
    : c.kind === "regex" ? `${field(c.field)} matches /${c.pattern}/`
    : c.kind === "olderThan" ? `it is older than ${c.days} day${c.days === 1 ? "" : "s"}`
    : "it has an attachment";
  const a = rule.action;
  const then = a.kind === "mute" ? "mute it" : a.kind === "markRead" ? "mark it read"
    : a.kind === "bookmark" ? "bookmark it" : a.kind === "notify" ? "notify me" : `tag it “${a.tag}”`;
  const s = rule.scope;
  const where = s.kind === "feed" ? feeds.find((f) => f.id === s.feedId)?.title ?? "a feed no longer here"
    : s.kind === "folder" ? `the folder ${folders.find((f) => f.id === s.folderId)?.name ?? "no longer here"}` : "every feed";
  return `When ${when}, ${then} — ${where}`;
}

/** What saving a rule did, for the toast: "Muted 12 articles." */
export function savedText(saved: RuleSaved): string {
  const n = saved.changed;
  const articles = `${n} article${n === 1 ? "" : "s"}`;
  switch (saved.rule.rule.action.kind) {
    case "mute": return `Rule saved: muted ${articles}.`;
    case "markRead": return `Rule saved: marked ${articles} read.`;
    case "bookmark": return `Rule saved: bookmarked ${articles}.`;
    case "tag": return `Rule saved: tagged ${articles}.`;
    case "notify": return "Rule saved: new articles it matches will be notified.";
  }
}

/** "12 articles match" for the preview; "About 1,200…" when the library was too big to look at all of it. */
export function matchText(count: number, estimated = false): string {
  if (count === 0) return estimated ? "None of the newest articles matches." : "No article matches yet.";
  const text = `${count.toLocaleString("en-US")} article${count === 1 ? " matches" : "s match"}`;
  return estimated ? `About ${text}` : text;
}
