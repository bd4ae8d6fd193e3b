// Searching as the person types: the words and choices become one query; queries wait for a
// pause in the typing; an answer that arrives after a newer question was asked is dropped.
import type { ArticleView, KeptSearch, SearchQuery, SearchResults, SearchScope } from "./api";

/** "here": the feed or tag whose list is open. */
export type ScopeChoice = "all" | "here" | "bookmarks" | "saved";
export type DateRange = "any" | "day" | "week" | "month" | "year";

export interface SearchForm {
  text: string;
  scope: ScopeChoice;
  unreadOnly: boolean;
  range: DateRange;
}

export const EMPTY_SEARCH: SearchForm = { text: "", scope: "all", unreadOnly: false, range: "any" };

export const DATE_RANGES: ReadonlyArray<{ value: DateRange; label: string }> = [
  { value: "any", label: "Any time" },
  { value: "day", label: "Past day" },
  { value: "week", label: "Past week" },
  { value: "month", label: "Past month" },
  { value: "year", label: "Past year" },
];

const RANGE_SECONDS: Record<Exclude<DateRange, "any">, number> = {
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
  year: 365 * 86_400,
};

/** Days back each range reaches, as a kept search keeps it. */
const RANGE_DAYS: Record<Exclude<DateRange, "any">, number> = { day: 1, week: 7, month: 30, year: 365 };

/** The search to keep for the form; `null` when there is nothing to search for. */
export function keptSearch(form: SearchForm, place: SearchScope | null): KeptSearch | null {
  const query = searchQuery(form, place, 0);
  if (!query) return null;
  const withinDays = form.range === "any" ? null : RANGE_DAYS[form.range];
  return { text: query.text, scope: query.scope, unreadOnly: query.unreadOnly, withinDays };
}

/** The form a kept search fills in, and the feed or tag to open first for "This feed" / "This tag". */
export function formOfKept(kept: KeptSearch): { form: SearchForm; view: ArticleView | null } {
  const range: DateRange = (Object.keys(RANGE_DAYS) as Exclude<DateRange, "any">[]).find((r) => RANGE_DAYS[r] === kept.withinDays) ?? "any";
  const base = { text: kept.text, unreadOnly: kept.unreadOnly, range };
  switch (kept.scope.kind) {
    case "feed": return { form: { ...base, scope: "here" }, view: { kind: "feed", feedId: kept.scope.feedId } };
    case "tag": return { form: { ...base, scope: "here" }, view: { kind: "tag", tagId: kept.scope.tagId } };
    default: return { form: { ...base, scope: kept.scope.kind }, view: null };
  }
}

/** Where "This feed" or "This tag" looks: the feed or tag whose list is open, if one is. */
export function placeOfView(view: ArticleView): Extract<SearchScope, { kind: "feed" | "tag" }> | null {
  switch (view.kind) {
    case "feed": return { kind: "feed", feedId: view.feedId };
    case "tag": return { kind: "tag", tagId: view.tagId };
    default: return null;
  }
}

/** The query for the form; `null` when there is nothing to search for. */
export function searchQuery(form: SearchForm, place: SearchScope | null, nowSeconds: number): SearchQuery | null {
  const text = form.text.trim();
  if (text === "") return null;
  let scope: SearchScope;
  switch (form.scope) {
    case "here": scope = place ?? { kind: "all" }; break;
    case "bookmarks": scope = { kind: "bookmarks" }; break;
    case "saved": scope = { kind: "saved" }; break;
    default: scope = { kind: "all" };
  }
  const since = form.range === "any" ? null : nowSeconds - RANGE_SECONDS[form.range];
  return { text, scope, unreadOnly: form.unreadOnly, since, until: null, wholeWords: false };
}

/** Where the search looked, for "No results for … in …"; `placeTitle` names the open feed or tag. */
export function scopeText(form: SearchForm, placeTitle: string | null): string {
  const place = {
    all: "all articles",
    here: placeTitle ?? "all articles",
    bookmarks: "Bookmarks",
    saved: "Saved",
  }[form.scope];
  const filters = [form.unreadOnly ? "unread" : "", DATE_RANGES.find((r) => r.value === form.range && r.value !== "any")?.label.toLowerCase() ?? ""]
    .filter(Boolean);
  return filters.length ? `${place} (${filters.join(", ")})` : place;
}

/** How many articles match: "105 articles", or "2,000+ articles" when more match than are counted. */
export function resultCountText(results: Pick<SearchResults, "total" | "capped">): string {
  const plural = results.total !== 1 || results.capped;
  return `${results.total.toLocaleString("en-US")}${results.capped ? "+" : ""} article${plural ? "s" : ""}`;
}

/**
 * The results shown followed by the next page. A hit already shown (ranked again a little
 * differently because articles arrived meanwhile) is not shown twice.
 */
export function withNextPage(results: SearchResults, page: SearchResults): SearchResults {
  const shown = new Set(results.hits.map((hit) => hit.article.id));
  return { ...results, hits: [...results.hits, ...page.hits.filter((hit) => !shown.has(hit.article.id))], next: page.next };
}

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs the latest question after a pause, and hands on only the answer to the latest question:
 * a slow answer to "stor" never replaces the answer to "storm".
 */
export class LatestOnly<Q, R> {
  private asked = 0;
  private timer: unknown = null;

  constructor(
    private run: (question: Q) => Promise<R>,
    private answer: (result: R, question: Q) => void,
    private fail: (error: unknown) => void,
    private delayMs: number,
    private timers: Timers = realTimers,
  ) {}

  /** Asks `question` once the person pauses; `now` skips the pause (Enter, a changed filter). */
  ask(question: Q, now = false): void {
    const ticket = ++this.asked;
    this.clearTimer();
    const go = () => {
      this.timer = null;
      this.run(question).then(
        (result) => { if (ticket === this.asked) this.answer(result, question); },
        (error: unknown) => { if (ticket === this.asked) this.fail(error); },
      );
    };
    if (now) go();
    else this.timer = this.timers.set(go, this.delayMs);
  }

  /** Forgets any question asked so far: its answer, if it comes, is dropped. */
  cancel(): void {
    this.asked++;
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
