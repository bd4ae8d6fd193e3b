import type { ArticleView } from "./api";

/** Whether two views show the same articles. */
export function sameView(a: ArticleView, b: ArticleView): boolean {
  switch (a.kind) {
    case "feed": return b.kind === "feed" && b.feedId === a.feedId;
    case "folder": return b.kind === "folder" && b.folderId === a.folderId;
    default: return b.kind === a.kind;
  }
}
