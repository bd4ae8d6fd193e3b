// The search the person is typing and its results. Results replace the list while there are
// words in the field; clearing the field gives the view back.
import { api, errorMessage, type SearchResults } from "./api";
import { EMPTY_SEARCH, LatestOnly, searchQuery, type SearchForm } from "./search";

/** Typing pause before searching: short, since local search answers in milliseconds. */
const PAUSE_MS = 120;

export class SearchState {
  form = $state<SearchForm>({ ...EMPTY_SEARCH });
  results = $state.raw<SearchResults | null>(null);
  error = $state<string | null>(null);
  /** The words the results on screen answer, for "No results for …". */
  answered = $state("");
  active = $derived(this.form.text.trim() !== "");

  private latest = new LatestOnly(
    api.search,
    (results: SearchResults, query) => {
      this.results = results;
      this.answered = query.text;
      this.error = null;
    },
    (error) => (this.error = errorMessage(error)),
    PAUSE_MS,
  );

  /** Searches again for the form as it is; `now` skips the typing pause. */
  run(feedId: number | null, now = false): void {
    const query = searchQuery(this.form, feedId, Math.floor(Date.now() / 1000));
    if (!query) {
      this.latest.cancel();
      this.results = null;
      this.answered = "";
      this.error = null;
      return;
    }
    this.latest.ask(query, now);
  }

  clear(): void {
    this.form = { ...EMPTY_SEARCH };
    this.run(null);
  }
}
