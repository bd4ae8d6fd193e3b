// What the items of an article's menu (./articleMenu.ts) do, on that article.
import { errorMessage, type ArticleSummary } from "./api";
import { articleMenu } from "./articleMenu";
import { openInBrowser } from "./browser";
import type { Point } from "./menu";
import type { AppStates } from "./state/app";

/** What an article's menu acts through. */
type ArticleMenuStates = Pick<AppStates, "list" | "reader" | "notices" | "overlays">;

/** Opens the menu of `article` (a row of the list, or the article in the reader) at `at`. */
export function showArticleMenu({ list, reader, notices, overlays }: ArticleMenuStates, article: ArticleSummary, at: Point,
  returnFocus: HTMLElement | null): void {
  const url = article.url;
  const sections = articleMenu(article, !list.search.active, {
    setRead: (read) => void reader.setRead(read, article),
    markBeside: (side) => void list.markReadBeside(article, side),
    setBookmarked: (bookmarked) => void reader.setBookmarked(bookmarked, article),
    setSaved: (saved) => void reader.setSaved(saved, article),
    editTags: () => overlays.showDialog({ kind: "tags", article: { id: article.id, title: article.title } }),
    openInBrowser: () => {
      if (url) openInBrowser(notices, url);
    },
    copyLink: () => {
      if (url) copyText(url).then(() => notices.say("Copied the link."),
        (error: unknown) => notices.say(`Could not copy the link: ${errorMessage(error)}`));
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
