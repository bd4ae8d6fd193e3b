// Pop-up menus: what they hold, where they open, and how the keyboard moves through them
// (WAI-ARIA menu pattern). Kept apart from the DOM so it can be tested on its own.

export interface MenuItem {
  label: string;
  run: () => void;
  /** For a choice among several (menuitemradio): whether this one is the current one. With
   *  `toggle`, whether the setting it switches is on (menuitemcheckbox). */
  checked?: boolean;
  /** An on/off setting rather than a choice among several. */
  toggle?: boolean;
  danger?: boolean;
}

export interface MenuSection {
  /** Names a group of related items, such as the folders a feed can move to. */
  label?: string;
  items: MenuItem[];
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface MenuRequest {
  /** What the menu is for, for screen readers: "Actions for The Verge". */
  label: string;
  sections: MenuSection[];
  at: Point;
  /** Where keyboard focus goes back to when the menu closes. */
  returnFocus: HTMLElement | null;
}

/** The ARIA role of an item: a command, one choice among several, or an on/off setting. */
export function itemRole(item: MenuItem): "menuitem" | "menuitemradio" | "menuitemcheckbox" {
  if (item.toggle) return "menuitemcheckbox";
  return item.checked === undefined ? "menuitem" : "menuitemradio";
}

/** Where focus moves for a navigation key, wrapping around; `null` for any other key. */
export function nextIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown": return current < 0 ? 0 : (current + 1) % count;
    case "ArrowUp": return current < 0 ? count - 1 : (current - 1 + count) % count;
    case "Home": case "PageUp": return 0;
    case "End": case "PageDown": return count - 1;
    default: return null;
  }
}

/** Type-ahead: the next item after `current` whose label starts with `letter`, if any. */
export function indexByLetter(labels: readonly string[], current: number, letter: string): number | null {
  if (letter.length !== 1 || letter.trim() === "") return null;
  const wanted = letter.toLocaleLowerCase();
  for (let step = 1; step <= labels.length; step++) {
    const index = (current + step + labels.length) % labels.length;
    if (labels[index].toLocaleLowerCase().startsWith(wanted)) return index;
  }
  return null;
}

/** Opens the menu at `at`, flipped or shifted so that all of it stays inside the window. */
export function placeMenu(at: Point, menu: Size, viewport: Size, margin = 4): Point {
  const fitsRight = at.x + menu.width <= viewport.width - margin;
  const fitsBelow = at.y + menu.height <= viewport.height - margin;
  const x = fitsRight ? at.x : at.x - menu.width;
  const y = fitsBelow ? at.y : at.y - menu.height;
  return {
    x: Math.max(margin, Math.min(x, viewport.width - margin - menu.width)),
    y: Math.max(margin, Math.min(y, viewport.height - margin - menu.height)),
  };
}
