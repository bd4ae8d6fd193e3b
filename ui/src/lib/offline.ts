// Which bookmarked and saved articles are readable offline. After a bookmark or a save the
// backend keeps the article's images in the background and says so with `images-kept`; until
// then the article is "pending". Articles bookmarked or saved before this session were kept then.
import type { ArticleSummary, KeptImages } from "./api";
import { count } from "./format";

export interface OfflineState {
  /** What keeping each article's images did, this session. */
  readonly kept: ReadonlyMap<number, KeptImages>;
  /** Bookmarked or saved this session, images still being kept. */
  readonly pending: ReadonlySet<number>;
}

export const NOTHING_KEPT: OfflineState = { kept: new Map(), pending: new Set() };

type Kept = Pick<ArticleSummary, "id" | "isBookmarked" | "isSaved">;

/**
 * Before bookmarking or saving `article`: its images are about to be kept, unless it was
 * bookmarked or saved (so kept) already. Called before the command, so that the event that
 * follows it can never arrive first.
 */
export function beforeKeeping(state: OfflineState, article: Kept): OfflineState {
  if (article.isBookmarked || article.isSaved) return state;
  const kept = new Map(state.kept);
  kept.delete(article.id);
  return { kept, pending: new Set(state.pending).add(article.id) };
}

/** A page just saved: its images are being kept, unless the event came back already. */
export function savedNow(state: OfflineState, id: number): OfflineState {
  return state.kept.has(id) ? state : { ...state, pending: new Set(state.pending).add(id) };
}

/** The backend finished keeping an article's images. */
export function imagesKept(state: OfflineState, id: number, result: KeptImages): OfflineState {
  const pending = new Set(state.pending);
  pending.delete(id);
  return { kept: new Map(state.kept).set(id, result), pending };
}

/** What the reader says about `article` being there without a network; `null`: nothing. */
export function offlineMark(state: OfflineState, article: Kept): string | null {
  if (!article.isBookmarked && !article.isSaved) return null;
  const result = state.kept.get(article.id);
  if (result) return keptText(result);
  return state.pending.has(article.id) ? "Making available offline…" : "Available offline";
}

export function keptText(result: KeptImages): string {
  const missing = result.failed + result.overCap;
  return missing === 0 ? "Available offline" : `Available offline, but ${count(missing, "image")} could not be kept`;
}
