// The Highlights view: every highlight in the library, newest first, grouped by article,
// filtered by colour and tag and searched by words; shown in the list's place while it is open.
import { api, errorMessage, type HighlightEntry, type HighlightFilter } from "../api";
import type { ArticleList } from "./articleList.svelte";
import type { Highlighting } from "./highlighting.svelte";
import type { Notices } from "./notices.svelte";
import type { OpenArticle } from "./openArticle.svelte";

const NO_FILTER: HighlightFilter = { color: null, tagId: null, text: "", before: null };

export class HighlightsView {
  open = $state(false);
  filter = $state.raw<HighlightFilter>(NO_FILTER);
  entries = $state.raw<HighlightEntry[]>([]);
  /** Where the next page starts, when there is one. */
  next = $state<number | null>(null);
  loaded = $state(false);
  /** The answer last asked for: an earlier one arriving late is dropped. */
  private asked = 0;

  constructor(
    private notices: Notices,
    list: ArticleList,
    private reader: OpenArticle,
    private highlighting: Highlighting,
  ) {
    list.viewChosen.push(() => (this.open = false));
    highlighting.changed.push(() => {
      if (this.open) void this.load();
    });
  }

  /** Told when the view is chosen (the narrow window's sidebar closes). */
  shown: (() => void)[] = [];

  async show(): Promise<void> {
    this.open = true;
    for (const told of this.shown) told();
    await this.load();
  }

  /** Filters the view (a colour, a tag, words), from its first page. */
  async setFilter(change: Partial<HighlightFilter>): Promise<void> {
    this.filter = { ...this.filter, ...change, before: null };
    await this.load();
  }

  async load(): Promise<void> {
    const asked = ++this.asked;
    try {
      const page = await api.listHighlights(this.filter);
      if (asked !== this.asked) return;
      this.entries = page.highlights;
      this.next = page.next;
      this.loaded = true;
    } catch (error) {
      this.notices.say(errorMessage(error));
    }
  }

  async more(): Promise<void> {
    if (this.next === null) return;
    const asked = ++this.asked;
    try {
      const page = await api.listHighlights({ ...this.filter, before: this.next });
      if (asked !== this.asked) return;
      this.entries = [...this.entries, ...page.highlights];
      this.next = page.next;
    } catch (error) {
      this.notices.say(errorMessage(error));
    }
  }

  /** Opens the highlight's article in the reader, scrolled to it. */
  async openEntry(entry: HighlightEntry): Promise<void> {
    this.highlighting.bringIntoView = entry.id;
    await this.reader.open(entry.articleId);
  }

  /** Writes every highlighted article as a Markdown note into a folder the person picks. */
  async export(): Promise<void> {
    try {
      const report = await api.exportHighlights();
      if (!report) return;
      const count = report.written.length;
      this.notices.say(count === 0 ? "No highlights to export." : `Exported ${count} note${count === 1 ? "" : "s"}.`);
    } catch (error) {
      this.notices.say(errorMessage(error));
    }
  }
}
