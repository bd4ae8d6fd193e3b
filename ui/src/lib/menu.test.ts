import { describe, expect, it } from "vitest";
import { indexByLetter, itemRole, nextIndex, placeMenu } from "./menu";

describe("moving through a menu with the keyboard", () => {
  it("moves down and up, wrapping at the ends", () => {
    expect(nextIndex(0, "ArrowDown", 3)).toBe(1);
    expect(nextIndex(2, "ArrowDown", 3)).toBe(0);
    expect(nextIndex(0, "ArrowUp", 3)).toBe(2);
    expect(nextIndex(2, "ArrowUp", 3)).toBe(1);
  });

  it("starts from the first or last item when nothing has focus yet", () => {
    expect(nextIndex(-1, "ArrowDown", 3)).toBe(0);
    expect(nextIndex(-1, "ArrowUp", 3)).toBe(2);
  });

  it("jumps to the ends with Home and End", () => {
    expect(nextIndex(1, "Home", 4)).toBe(0);
    expect(nextIndex(1, "End", 4)).toBe(3);
  });

  it("leaves other keys and empty menus alone", () => {
    expect(nextIndex(1, "Enter", 3)).toBeNull();
    expect(nextIndex(1, "Escape", 3)).toBeNull();
    expect(nextIndex(-1, "ArrowDown", 0)).toBeNull();
  });

  it("finds the next item starting with a typed letter", () => {
    const labels = ["Refresh", "Rename…", "Tech", "No folder", "Unsubscribe"];
    expect(indexByLetter(labels, 0, "r")).toBe(1);
    expect(indexByLetter(labels, 1, "R")).toBe(0);
    expect(indexByLetter(labels, -1, "u")).toBe(4);
    expect(indexByLetter(labels, 0, "z")).toBeNull();
    expect(indexByLetter(labels, 0, " ")).toBeNull();
    expect(indexByLetter(labels, 0, "Enter")).toBeNull();
  });
});

describe("placing a menu", () => {
  const viewport = { width: 1000, height: 700 };
  const menu = { width: 200, height: 300 };

  it("opens below and to the right of the point when there is room", () => {
    expect(placeMenu({ x: 100, y: 50 }, menu, viewport)).toEqual({ x: 100, y: 50 });
  });

  it("flips left and up near the window's edges", () => {
    expect(placeMenu({ x: 900, y: 600 }, menu, viewport)).toEqual({ x: 700, y: 300 });
  });

  it("never leaves the window, even when it is too small to flip", () => {
    expect(placeMenu({ x: 100, y: 200 }, menu, { width: 250, height: 320 })).toEqual({ x: 4, y: 4 });
  });
});

describe("menu items", () => {
  const run = () => {};
  it("are commands, choices or on/off settings", () => {
    expect(itemRole({ label: "Refresh", run })).toBe("menuitem");
    expect(itemRole({ label: "News", run, checked: false })).toBe("menuitemradio");
    expect(itemRole({ label: "Read full articles", run, toggle: true, checked: false })).toBe("menuitemcheckbox");
  });
});
