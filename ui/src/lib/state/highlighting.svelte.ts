// Highlights of the article on screen: loaded with it, made from the page's selection, recoloured,
// noted and removed; and the note on the whole article. The reader paints what `current` holds
// (../highlighting.ts); every change reads them again from core, which places them.
import { api, errorMessage, type ArticleHighlights, type Highlight, type HighlightColor } from "../api";
import { COLORS, selectedPassage } from "../highlighting";
import type { Point } from "../menu";
import type { Notices } from "./notices.svelte";
import type { Overlays } from "./overlays.svelte";

export class Highlighting {
  /** The highlights and note of `articleId`, once read. */
  current = $state.raw<ArticleHighlights | null>(null);
  articleId = $state<number | null>(null);
  /** The article's body on screen, which selections are read from (the reader sets it). */
  body: HTMLElement | null = null;
  /**
   * A highlight to scroll to once the reader has painted it (opened from the Highlights view);
   * watched, so that one in the article already on screen is scrolled to as well.
   */
  bringIntoView = $state<number | null>(null);
  /** Told after a highlight or note was made, changed or removed (the sidebar's count, the Highlights view). */
  changed: (() => void)[] = [];

  constructor(
    private notices: Notices,
    private overlays: Overlays,
  ) {}

  /** Reads the highlights of `articleId` (none for `null`). */
  async load(articleId: number | null): Promise<void> {
    if (articleId !== this.articleId) this.current = null;
    this.articleId = articleId;
    if (articleId === null) return;
    try {
      const found = await api.articleHighlights(articleId);
      if (this.articleId === articleId) this.current = found;
    } catch (error) {
      this.notices.say(errorMessage(error));
    }
  }

  /** Highlights the words selected in the article, in `color`; then asks for a note when `withNote`. */
  async highlightSelection(color: HighlightColor = "yellow", withNote = false): Promise<void> {
    const articleId = this.articleId;
    const passage = this.body ? selectedPassage(this.body, window.getSelection()) : null;
    if (articleId === null || !passage) {
      this.notices.say("Select some words in the article to highlight them.");
      return;
    }
    try {
      const made = await api.addHighlight({ articleId, color, ...passage });
      window.getSelection()?.removeAllRanges();
      await this.reread(articleId);
      if (withNote) this.editNote(made);
    } catch (error) {
      this.notices.say(errorMessage(error));
    }
  }

  /** A highlight's menu, where it was clicked: its colour, its note, taking it away. */
  showMenu(id: number, at: Point, returnFocus: HTMLElement | null): void {
    const highlight = this.current?.highlights.find((h) => h.id === id);
    if (!highlight) return;
    this.overlays.showMenu({
      label: "Highlight",
      at,
      returnFocus,
      sections: [
        {
          label: "Colour",
          items: COLORS.map(({ color, label }) => ({
            label,
            checked: highlight.color === color,
            run: () => void this.change(id, { color, note: null }),
          })),
        },
        {
          items: [
            { label: highlight.note ? "Edit the note…" : "Add a note…", run: () => this.editNote(highlight) },
            { label: "Remove the highlight", danger: true, run: () => void this.remove(id) },
          ],
        },
      ],
    });
  }

  editNote(highlight: Highlight): void {
    this.overlays.showDialog({
      kind: "note",
      title: "Note on the highlight",
      quote: highlight.quote,
      initial: highlight.note,
      save: async (note) => {
        await api.changeHighlight(highlight.id, { color: null, note });
        await this.reread(this.articleId);
      },
    });
  }

  /** The note on the whole article on screen. */
  editArticleNote(title: string): void {
    const articleId = this.articleId;
    if (articleId === null) return;
    this.overlays.showDialog({
      kind: "note",
      title: `Note on “${title}”`,
      initial: this.current?.note ?? "",
      save: async (note) => {
        await api.setArticleNote(articleId, note);
        await this.reread(articleId);
      },
    });
  }

  /** After a change: the article's highlights again, and whoever shows them told. */
  private async reread(articleId: number | null): Promise<void> {
    await this.load(articleId);
    for (const told of this.changed) told();
  }

  private async change(id: number, change: { color: HighlightColor | null; note: string | null }): Promise<void> {
    try {
      await api.changeHighlight(id, change);
      await this.reread(this.articleId);
    } catch (error) {
      this.notices.say(errorMessage(error));
    }
  }

  private async remove(id: number): Promise<void> {
    try {
      await api.removeHighlight(id);
      await this.reread(this.articleId);
    } catch (error) {
      this.notices.say(errorMessage(error));
    }
  }
}
