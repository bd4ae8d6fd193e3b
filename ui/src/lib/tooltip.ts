// Tooltips the app draws itself (components/Tooltip.svelte) instead of the system's: GTK's drew
// over the app's open menus, hiding their items, and kept showing the text a toggle had before it
// was pressed. An element takes one with `use:tooltip={text}`; the innermost one under the
// pointer (or holding keyboard focus) shows, with its text as it is now.
import type { Point, Size } from "./menu";

/** How long the pointer rests on an element before its tooltip shows (GTK's default). */
export const TOOLTIP_DELAY_MS = 500;

/** Gives `node` a tooltip, also read out by screen readers as its description. */
export function tooltip(node: HTMLElement, text: string | undefined): { update: (text: string | undefined) => void } {
  const set = (text: string | undefined): void => {
    if (text) node.dataset.tooltip = text;
    else delete node.dataset.tooltip;
    // Said once: an element named by the same words needs no description.
    if (text && text !== node.getAttribute("aria-label")) node.setAttribute("aria-description", text);
    else node.removeAttribute("aria-description");
  };
  set(text);
  return { update: set };
}

/** The element whose tooltip `target` shows: itself or the nearest one around it that has one. */
export function tooltipAnchor(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>("[data-tooltip]") : null;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Below the element and centred on it; above it when there is no room below; always inside the window. */
export function placeTooltip(anchor: Box, tip: Size, viewport: Size, gap = 6, margin = 4): Point {
  const below = anchor.top + anchor.height + gap;
  const y = below + tip.height <= viewport.height - margin ? below : anchor.top - gap - tip.height;
  const x = anchor.left + anchor.width / 2 - tip.width / 2;
  return {
    x: Math.max(margin, Math.min(x, viewport.width - margin - tip.width)),
    y: Math.max(margin, y),
  };
}
