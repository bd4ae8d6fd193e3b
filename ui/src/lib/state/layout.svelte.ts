// The window's panes as its width allows (../layout.ts): whether the person opened the sidebar
// (a drawer, or the one pane) and, with one pane, whether the article shows instead of the list.
import { paneMode, panesShown } from "../layout";
import type { ArticleList } from "./articleList.svelte";
import type { HighlightsView } from "./highlightsView.svelte";

export class Layout {
  width = $state(typeof window === "undefined" ? 1280 : window.innerWidth);
  sidebarOpen = $state(false);
  readerOpen = $state(false);
  readonly mode = $derived(paneMode(this.width));
  readonly shown = $derived(panesShown(this.mode, this.sidebarOpen, this.readerOpen));

  constructor(list: ArticleList, highlightsView: HighlightsView) {
    // A view chosen in the sidebar is shown: the drawer closes, one pane goes to the list.
    const showList = (): void => {
      this.sidebarOpen = false;
      this.readerOpen = false;
    };
    list.viewChosen.push(showList);
    highlightsView.shown.push(showList);
  }

  /** An article was opened: with one pane, it takes the list's place. */
  articleOpened(): void {
    this.readerOpen = true;
  }

  /** Escape or the back button: the sidebar closes, else one pane goes back to the list; false when there was nothing to go back from. */
  back(): boolean {
    if (this.mode === "three") return false;
    if (this.sidebarOpen) {
      this.sidebarOpen = false;
      return true;
    }
    if (this.mode === "one" && this.readerOpen) {
      this.readerOpen = false;
      return true;
    }
    return false;
  }
}
