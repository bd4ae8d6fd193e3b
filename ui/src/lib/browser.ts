// Links leave the app for the person's browser: the app's window never leaves the app.
import { api } from "./api";
import type { Notices } from "./state/notices.svelte";

/** Opens `url` in the person's browser; a failure is said in a toast. */
export function openInBrowser(notices: Notices, url: string): void {
  void notices.attempt(api.openInBrowser(url));
}
