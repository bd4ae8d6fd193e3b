import { describe, expect, it } from "vitest";
import { paneMode, panesShown } from "./layout";

describe("how the window's width is shared", () => {
  it("folds the sidebar, then shows one pane at a time, as the window narrows", () => {
    expect(paneMode(1280)).toBe("three");
    expect(paneMode(900)).toBe("three");
    expect(paneMode(899)).toBe("two");
    expect(paneMode(600)).toBe("two");
    expect(paneMode(599)).toBe("one");
    expect(paneMode(320)).toBe("one");
  });

  it("shows every pane side by side when there is room, whatever was opened", () => {
    expect(panesShown("three", true, true)).toEqual({ sidebar: "pane", list: true, reader: true });
    expect(panesShown("three", false, false)).toEqual({ sidebar: "pane", list: true, reader: true });
  });

  it("opens the sidebar over the list in two panes", () => {
    expect(panesShown("two", false, true)).toEqual({ sidebar: "hidden", list: true, reader: true });
    expect(panesShown("two", true, false)).toEqual({ sidebar: "drawer", list: true, reader: true });
  });

  it("shows the sidebar, else the article opened, else the list, in one pane", () => {
    expect(panesShown("one", true, true)).toEqual({ sidebar: "pane", list: false, reader: false });
    expect(panesShown("one", false, true)).toEqual({ sidebar: "hidden", list: false, reader: true });
    expect(panesShown("one", false, false)).toEqual({ sidebar: "hidden", list: true, reader: false });
  });
});
