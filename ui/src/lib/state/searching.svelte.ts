// The search the person is typing and its results. Results replace the list while there are
// words in the field; clearing the field gives the view back. They come a page at a time, the
// next one as the person scrolls (or moves) to the end of those shown.
import { api, errorMessage, type SearchCursor, type SearchQuery, type SearchResults, type SearchScope } from "../api";
import { EMPTY_SEARCH, LatestOnly, searchQuery, withNextPage, type SearchForm } from "../search";

/** Typing pause before searching: short, since local search answers in milliseconds. */
const PAUSE_MS = 120;

export class SearchState {
  form = $state<SearchForm>({ ...EMPTY_SEARCH });
  results = $state.raw<SearchResults | null>(null);
  error = $state<string | null>(null);
  /** The words the results on screen answer, for "No results for …". */
  answered = $state("");
  active = $derived(this.form.text.trim() !== "");
  next = $derived<SearchCursor | null>(this.results?.next ?? null);
  /** The kept search the form holds as it was opened; `null` once the person changes it. */
  keptId = $state<number | null>(null);
  /** Counts the searches answered: each new one is shown from its best match, at the top. */
  answers = $state(0);
  /** The question the results on screen answer, which their next page is asked with. */
  private question: SearchQuery | null = null;
  private loadingMore: Promise<void> | null = null;

  private latest = new LatestOnly(
    (query: SearchQuery) => api.search(query),
    (results: SearchResults, query) => {
      this.results = results;
      this.question = query;
      this.answered = query.text;
      this.error = null;
      this.answers++;
    },
    (error) => (this.error = errorMessage(error)),
    PAUSE_MS,
  );

  /**
   * Searches again for the form as it is; `now` skips the typing pause. With `keptId`, the form
   * is that kept search's, whose words are complete (its last word is not a prefix being typed).
   */
  run(place: SearchScope | null, now = false, keptId: number | null = null): void {
    this.keptId = keptId;
    const typed = searchQuery(this.form, place, Math.floor(Date.now() / 1000));
    const query = typed && { ...typed, wholeWords: keptId !== null };
    if (!query) {
      this.latest.cancel();
      this.results = null;
      this.question = null;
      this.answered = "";
      this.error = null;
      return;
    }
    this.latest.ask(query, now);
  }

  /** Adds the next page of results to those shown; whoever asks again meanwhile waits for the same. */
  loadMore(): Promise<void> {
    const after = this.next;
    const question = this.question;
    const answer = this.answers;
    if (this.loadingMore) return this.loadingMore;
    if (!after || !question) return Promise.resolve();
    this.loadingMore = (async () => {
      try {
        const page = await api.search(question, after);
        // Another search answered meanwhile: this page belongs to results no longer shown.
        if (this.answers === answer && this.results) this.results = withNextPage(this.results, page);
      } catch (error) {
        this.error = errorMessage(error);
      }
    })().finally(() => (this.loadingMore = null));
    return this.loadingMore;
  }

  clear(): void {
    this.form = { ...EMPTY_SEARCH };
    this.run(null);
  }
}
