// Highlights in the reader's page: the article's text as core counts it (the text of its body,
// without what the page adds: the lead picture, a missing picture's note), a selection's place
// in it, and the <mark>s that show each highlight. Places are UTF-16 units, as the DOM counts.
import type { Highlight, HighlightColor, HighlightEntry } from "./api";

/** What the page adds to an article's body, whose text is not the article's. */
const ADDED = ".lead, .missing-picture";

/** The text nodes of the article's body, in order. */
export function textNodes(root: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(ADDED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The article's text, as core has it. */
export const bodyText = (root: HTMLElement): string => textNodes(root).map((node) => node.data).join("");

/** Where a point of the page (a range's boundary) is in the article's text. */
export function offsetOf(root: HTMLElement, container: Node, offset: number): number {
  let at = 0;
  const point = root.ownerDocument.createRange();
  point.setStart(container, offset);
  for (const node of textNodes(root)) {
    if (node === container) return at + offset;
    // A text node wholly before the point counts whole; the first one after it ends the count.
    if (point.comparePoint(node, 0) >= 0) return at;
    at += node.length;
  }
  return at;
}

/** A selection inside the article's body as the place and words core keeps; `null` outside it or empty. */
export function selectedPassage(root: HTMLElement, selection: Selection | null): { start: number; end: number; quote: string } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  const quote = bodyText(root).slice(start, end);
  if (end <= start || quote.trim() === "") return null;
  return { start, end, quote };
}

/** Takes away the marks `paint` added, joining the text they split. */
export function unpaint(root: HTMLElement): void {
  for (const mark of [...root.querySelectorAll("mark[data-highlight-id]")]) {
    mark.replaceWith(...mark.childNodes);
  }
  root.normalize();
}

/**
 * Marks each highlight that has a place in the text, in its colour. Its first mark is a control
 * the keyboard reaches (Tab, then Enter opens its menu); a highlight that had the focus keeps it.
 */
export function paint(root: HTMLElement, highlights: readonly Highlight[]): void {
  const focused = root.ownerDocument.activeElement;
  const hadFocus = focused instanceof HTMLElement && root.contains(focused) ? focused.dataset.highlightId : undefined;
  unpaint(root);
  for (const highlight of highlights) {
    if (!highlight.span) continue;
    const { start, end } = highlight.span;
    let first = true;
    let at = 0;
    for (const node of textNodes(root)) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + node.length);
      at += node.length;
      if (from >= to) continue;
      let piece = node;
      const nodeStart = at - node.length;
      if (from > nodeStart) piece = piece.splitText(from - nodeStart);
      if (to - from < piece.length) piece.splitText(to - from);
      const mark = root.ownerDocument.createElement("mark");
      mark.className = `highlight ${colorClass(highlight.color)}`;
      mark.dataset.highlightId = String(highlight.id);
      if (highlight.note) mark.title = highlight.note;
      if (first) {
        mark.tabIndex = 0;
        mark.setAttribute("role", "button");
        mark.setAttribute("aria-haspopup", "menu");
        mark.setAttribute("aria-label", `Highlight: ${highlight.quote}${highlight.note ? `. Note: ${highlight.note}` : ""}`);
        first = false;
      }
      piece.replaceWith(mark);
      mark.append(piece);
      if (at >= end) break;
    }
  }
  if (hadFocus !== undefined) root.querySelector<HTMLElement>(`mark[data-highlight-id="${hadFocus}"][tabindex]`)?.focus({ preventScroll: true });
}

export const colorClass = (color: HighlightColor): string => `highlight-${color}`;

/** The four colours in the order the reader offers them, with their names. */
export const COLORS: readonly { color: HighlightColor; label: string }[] = [
  { color: "yellow", label: "Yellow" },
  { color: "green", label: "Green" },
  { color: "blue", label: "Blue" },
  { color: "pink", label: "Pink" },
];

/** A run of the Highlights view's entries on one article. */
export interface HighlightGroup {
  articleId: number;
  title: string;
  source: string;
  entries: HighlightEntry[];
}

/** The entries in runs of one article each, in the order given (newest first: an article may come again further down). */
export function byArticle(entries: readonly HighlightEntry[]): HighlightGroup[] {
  const groups: HighlightGroup[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last?.articleId === entry.articleId) last.entries.push(entry);
    else groups.push({ articleId: entry.articleId, title: entry.articleTitle, source: entry.source, entries: [entry] });
  }
  return groups;
}
