// The person's preferences (theme, density, type, panes, when articles count as read): stored in
// the database, remembered by the window too so that the first paint already has the right theme.
import { api, errorMessage, type Preferences } from "../api";
import { DEFAULT_PREFERENCES, parseCachedPreferences, shownTheme } from "../appearance";

const CACHE_KEY = "tidings.preferences";

export class PreferencesState {
  current = $state.raw<Preferences>(parseCachedPreferences(localStorage.getItem(CACHE_KEY)) ?? DEFAULT_PREFERENCES);
  systemDark = $state(false);
  /** Why the last change could not be stored. */
  error = $state<string | null>(null);
  theme = $derived(shownTheme(this.current.theme, this.systemDark));

  private query = window.matchMedia("(prefers-color-scheme: dark)");

  constructor() {
    this.systemDark = this.query.matches;
    this.query.addEventListener("change", (e) => (this.systemDark = e.matches));
  }

  async load(): Promise<void> {
    try {
      this.remember(await api.getPreferences());
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Applies a change at once and stores it; the stored value (kept in range) wins. */
  async set(change: Partial<Preferences>): Promise<void> {
    const wanted = { ...this.current, ...change };
    this.current = wanted;
    try {
      const stored = await api.setPreferences(wanted);
      // A later change may have been made meanwhile; it will be stored in its turn.
      if (this.current === wanted) this.remember(stored);
      this.error = null;
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private remember(preferences: Preferences): void {
    this.current = preferences;
    localStorage.setItem(CACHE_KEY, JSON.stringify(preferences));
  }
}
