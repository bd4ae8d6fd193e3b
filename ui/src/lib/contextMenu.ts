// Right-clicks. WebKit's own menu offers Back, Reload and Inspect, which only break the app
// (Reload starts it over): outside development builds it shows only where it helps — in a text
// field (cut, copy, paste) and over selected text (copy). Articles get the app's own menu.
import type { Point } from "./menu";

/** Whether a right-click on `target` is better served by the system's menu. */
export function wantsSystemMenu(target: EventTarget | null, selection: Selection | null): boolean {
  if (target instanceof Element && target.closest("input, textarea, [contenteditable]")) return true;
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== "";
}

/**
 * Where a menu asked for by `event` opens: at the pointer, or at `element` when the keyboard
 * asked (the menu key, Shift+F10), whose event may carry no place or one outside it.
 */
export function menuPoint(event: MouseEvent, element: Element): Point {
  const box = element.getBoundingClientRect();
  const inside = event.clientX >= box.left && event.clientX <= box.right
    && event.clientY >= box.top && event.clientY <= box.bottom;
  return inside ? { x: event.clientX, y: event.clientY } : { x: box.left + 16, y: box.top + Math.min(box.height, 32) };
}
