// Feed links and feed files opened with Tidings from outside (a browser, a file manager): the one
// Tidings started with, and those a later launch hands to the running app.
import { api, events, type SubscribeRequest } from "./api";

/** Calls `handle` for each request; returns the function that stops watching. */
export function watchSubscribeRequests(handle: (request: SubscribeRequest) => void): () => void {
  let stopped = false;
  const unlisten = events.onSubscribeRequest((request) => {
    if (!stopped) handle(request);
  });
  void api.takeSubscribeRequest().then((request) => {
    if (request && !stopped) handle(request);
  });
  return () => {
    stopped = true;
    void unlisten.then((stop) => stop());
  };
}
