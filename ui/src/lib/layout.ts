// How the window's width is shared: three panes side by side when there is room; below
// TWO_PANES_BELOW the sidebar folds into a drawer opened with a button; below ONE_PANE_BELOW one
// pane at a time — the list, the article (with a way back), or the sidebar.

export type PaneMode = "three" | "two" | "one";

export const TWO_PANES_BELOW = 900;
export const ONE_PANE_BELOW = 600;

export function paneMode(width: number): PaneMode {
  if (width < ONE_PANE_BELOW) return "one";
  if (width < TWO_PANES_BELOW) return "two";
  return "three";
}

/** Where the sidebar is: a pane of the grid, a drawer over the list, or not on screen. */
export type SidebarPlace = "pane" | "drawer" | "hidden";

export interface PanesShown {
  sidebar: SidebarPlace;
  list: boolean;
  reader: boolean;
}

/** What shows in `mode`, given whether the person opened the sidebar and an article. */
export function panesShown(mode: PaneMode, sidebarOpen: boolean, readerOpen: boolean): PanesShown {
  switch (mode) {
    case "three": return { sidebar: "pane", list: true, reader: true };
    case "two": return { sidebar: sidebarOpen ? "drawer" : "hidden", list: true, reader: true };
    case "one":
      if (sidebarOpen) return { sidebar: "pane", list: false, reader: false };
      return { sidebar: "hidden", list: !readerOpen, reader: readerOpen };
  }
}
