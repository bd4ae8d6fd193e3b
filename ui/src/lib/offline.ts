// Which bookmarked and saved articles are readable offline. After a bookmark or a save the
// backend keeps the article's pictures in the background (work it keeps in the database until
// done, across restarts) and says how it went with `work-report`; the article itself says what
// is still pending when it is loaded.
import type { Article, KeptImages, WorkReport } from "./api";
import { count } from "./format";

export interface OfflineState {
  /** What keeping each article's pictures did, this session. */
  readonly kept: ReadonlyMap<number, KeptImages>;
  /** Bookmarked or saved this session, pictures still being kept. */
  readonly pending: ReadonlySet<number>;
  /** Their pictures (or page) could not be fetched for now; the backend tries again by itself. */
  readonly waiting: ReadonlySet<number>;
}

export const NOTHING_KEPT: OfflineState = { kept: new Map(), pending: new Set(), waiting: new Set() };

type Kept = Pick<Article, "id" | "isBookmarked" | "isSaved"> & Partial<Pick<Article, "picturesPending">>;

/** What the reader says about an article being there without a network. */
export interface OfflineMark {
  text: string;
  /** Everything that can be kept is: the text and the pictures. */
  ready: boolean;
}

const KEEPING: OfflineMark = { text: "Making available offline…", ready: false };
const WAITING: OfflineMark = { text: "Pictures will be kept when you are back online", ready: false };

function without<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const copy = new Set(set);
  copy.delete(item);
  return copy;
}

/**
 * Before bookmarking or saving `article`: its pictures are about to be kept, unless it was
 * bookmarked or saved (so kept) already. Called before the command, so that the report that
 * follows it can never arrive first.
 */
export function beforeKeeping(state: OfflineState, article: Kept): OfflineState {
  if (article.isBookmarked || article.isSaved) return state;
  const kept = new Map(state.kept);
  kept.delete(article.id);
  return { kept, pending: new Set(state.pending).add(article.id), waiting: without(state.waiting, article.id) };
}

/** A page just saved: its pictures are being kept, unless the report came back already. */
export function savedNow(state: OfflineState, id: number): OfflineState {
  return state.kept.has(id) || state.waiting.has(id) ? state : { ...state, pending: new Set(state.pending).add(id) };
}

/** The backend says how work on an article went. */
export function workReported(state: OfflineState, report: WorkReport): OfflineState {
  const id = report.articleId;
  switch (report.kind) {
    case "imagesKept":
      return { kept: new Map(state.kept).set(id, report.kept), pending: without(state.pending, id), waiting: without(state.waiting, id) };
    case "waitingForNetwork": {
      const kept = new Map(state.kept);
      kept.delete(id);
      return { kept, pending: without(state.pending, id), waiting: new Set(state.waiting).add(id) };
    }
    case "pageRead":
      // Read at last; its pictures come next.
      return { ...state, pending: new Set(state.pending).add(id), waiting: without(state.waiting, id) };
  }
}

/** What the reader says about `article` being there without a network; `null`: nothing. */
export function offlineMark(state: OfflineState, article: Kept): OfflineMark | null {
  if (!article.isBookmarked && !article.isSaved) return null;
  const result = state.kept.get(article.id);
  if (result) return { text: keptText(result), ready: true };
  if (state.waiting.has(article.id)) return WAITING;
  if (state.pending.has(article.id)) return KEEPING;
  switch (article.picturesPending) {
    case "waitingForNetwork": return WAITING;
    case "working": return KEEPING;
    default: return { text: "Available offline", ready: true };
  }
}

export function keptText(result: KeptImages): string {
  const missing = result.failed + result.overCap + result.waiting;
  return missing === 0 ? "Available offline" : `Available offline, but ${count(missing, "image")} could not be kept`;
}
