// What the items of an article's menu (./articleMenu.ts) do, on that article.
import { errorMessage, type ArticleSummary } from "./api";
import { articleMenu } from "./articleMenu";
import type { Library } from "./library.svelte";
import type { Point } from "./menu";
import type { Overlays } from "./overlays.svelte";

/** Opens the menu of `article` (a row of the list, or the article in the reader) at `at`. */
export function showArticleMenu(library: Library, overlays: Overlays, article: ArticleSummary, at: Point,
  returnFocus: HTMLElement | null): void {
  const url = article.url;
  const sections = articleMenu(article, !library.search.active, {
    setRead: (read) => void library.setRead(read, article),
    markBeside: (side) => void library.markReadBeside(article, side),
    setBookmarked: (bookmarked) => void library.setBookmarked(bookmarked, article),
    setSaved: (saved) => void library.setSaved(saved, article),
    openInBrowser: () => {
      if (url) library.openInBrowser(url);
    },
    copyLink: () => {
      if (url) copyText(url).then(() => library.say("Copied the link."),
        (error: unknown) => library.say(`Could not copy the link: ${errorMessage(error)}`));
    },
    exportArticle: () => overlays.showDialog({ kind: "export", article: { id: article.id, title: article.title } }),
  });
  overlays.showMenu({ label: `Actions for ${article.title}`, sections, at, returnFocus });
}

/** Puts `text` on the system's clipboard. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // WebKitGTK may refuse the asynchronous clipboard to an app page; the older way works there.
  }
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const field = document.createElement("textarea");
  field.value = text;
  field.setAttribute("readonly", "");
  field.style.position = "fixed";
  field.style.opacity = "0";
  document.body.append(field);
  field.select();
  const copied = document.execCommand("copy");
  field.remove();
  focused?.focus();
  if (!copied) throw new Error("the system would not take it");
}
