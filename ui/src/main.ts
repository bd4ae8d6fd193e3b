import "@fontsource/literata/400.css";
import "@fontsource/literata/400-italic.css";
import "@fontsource/literata/700.css";
import "./styles/theme.css";
import { mount, unmount } from "svelte";
import App from "./App.svelte";
import Recovery from "./components/Recovery.svelte";
import Shell from "./components/Shell.svelte";
import { startupProblem } from "./lib/recovery";
import { PreferencesState } from "./lib/preferences.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
// The window remembers the person's preferences, so even the first frame has their theme.
const preferences = new PreferencesState();
document.documentElement.dataset.theme = preferences.theme;
const shell = mount(Shell, { target, props: { preferences } });
// A library that could not be opened gets the recovery screen instead of the app.
void startupProblem().then((problem) => {
  void unmount(shell);
  if (problem) mount(Recovery, { target, props: { problem } });
  else mount(App, { target, props: { preferences } });
});
