// What Tidings is opened with from outside (a browser, a file manager, a note's link): the one it
// started with, and those a later launch hands to the running app.
import { api, events, type LaunchRequest } from "./api";

/** Calls `handle` for each request; returns the function that stops watching. */
export function watchLaunchRequests(handle: (request: LaunchRequest) => void): () => void {
  let stopped = false;
  // Listening first: once the first request is taken, the app sends later ones only as events.
  const unlisten = events.onLaunchRequest((request) => {
    if (!stopped) handle(request);
  });
  void unlisten
    .then(() => api.takeLaunchRequest())
    .then((request) => {
      if (request && !stopped) handle(request);
    });
  return () => {
    stopped = true;
    void unlisten.then((stop) => stop());
  };
}
