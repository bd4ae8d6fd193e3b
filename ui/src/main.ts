import "@fontsource/literata/400.css";
import "@fontsource/literata/400-italic.css";
import "@fontsource/literata/700.css";
import "./styles/theme.css";
import { mount } from "svelte";
import App from "./App.svelte";
import Recovery from "./components/Recovery.svelte";
import { startupProblem } from "./lib/recovery";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
// A library that could not be opened gets the recovery screen instead of the app.
void startupProblem().then((problem) => {
  if (problem) mount(Recovery, { target, props: { problem } });
  else mount(App, { target });
});
