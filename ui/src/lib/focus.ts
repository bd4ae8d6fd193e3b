// Keyboard focus goes with the selection. A clicked row keeps the focus; when the selection then
// moves by keyboard (j/k, g b), a focus ring left on the clicked row would make two rows look
// current. So the focus moves to the selected row — but only from another row of the same list:
// focus the person put elsewhere (the reader, the search field) stays there.

/** Moves the focus to `selected` when it is on another element matching `rows` inside `list`. */
export function focusFollows(list: HTMLElement | null, rows: string, selected: HTMLElement | null | undefined): void {
  const focused = document.activeElement;
  if (!list || !selected || focused === selected || !(focused instanceof HTMLElement)) return;
  if (list.contains(focused) && focused.matches(rows)) selected.focus({ preventScroll: true });
}
