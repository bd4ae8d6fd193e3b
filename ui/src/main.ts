import "@fontsource/literata/400.css";
import "@fontsource/literata/400-italic.css";
import "@fontsource/literata/700.css";
import "./styles/theme.css";
import { mount, unmount } from "svelte";
import Recovery from "./components/Recovery.svelte";
import Shell from "./components/Shell.svelte";
import { onLibraryDamaged, startupProblem, type StartupProblem } from "./lib/recovery";
import { PreferencesState } from "./lib/state/preferences.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
// The window remembers the person's preferences, so even the first frame has their theme.
const preferences = new PreferencesState();
document.documentElement.dataset.theme = preferences.theme;
const shell = mount(Shell, { target, props: { preferences } });
// The app's code loads while the frame is drawn: its ~95 KB would hold the frame back.
const app = import("./App.svelte");

/**
 * Once the frame has reached the screen (the app must not replace it sooner, or the window stays
 * blank until the app's own first frame), or after 100 ms: a hidden window paints nothing.
 */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
}

// A library that could not be opened gets the recovery screen instead of the app; so does one
// found damaged while in use, which may be found before the app is on screen: listened for first.
let running: ReturnType<typeof mount> | null = null;
let foundDamaged: StartupProblem | null = null;
const damageHeard = onLibraryDamaged((damaged) => {
  foundDamaged = damaged;
  if (!running) return;
  void unmount(running);
  running = null;
  mount(Recovery, { target, props: { problem: damaged } });
});
void Promise.all([damageHeard, startupProblem(), app, painted()]).then(([, problem, { default: App }]) => {
  void unmount(shell);
  const shown = problem ?? foundDamaged;
  if (shown) mount(Recovery, { target, props: { problem: shown } });
  else running = mount(App, { target, props: { preferences } });
});
