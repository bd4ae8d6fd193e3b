// What the reader says around an article: reading time, why its page could not be read, its
// attachments, its lead picture. Pure, so the words are tested without a window.
import type { Article, Enclosure, RemoteImages } from "./api";

/** "4 min read" for the byline; `null` when unknown. */
export function readingTime(minutes: number | null): string | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return null;
  return `${Math.max(1, Math.round(minutes))} min read`;
}

/** A size in the units people read on a download page: "820 KB", "3.2 MB", "24 MB". */
export function fileSize(bytes: number | null): string | null {
  if (bytes === null || !Number.isFinite(bytes) || bytes <= 0) return null;
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const KNOWN_TYPES: Record<string, string> = {
  "audio/mpeg": "MP3 audio",
  "audio/mp3": "MP3 audio",
  "audio/mp4": "M4A audio",
  "audio/x-m4a": "M4A audio",
  "audio/aac": "AAC audio",
  "audio/ogg": "Ogg audio",
  "audio/opus": "Opus audio",
  "audio/wav": "WAV audio",
  "video/mp4": "MP4 video",
  "video/webm": "WebM video",
  "video/quicktime": "QuickTime video",
  "application/pdf": "PDF",
  "application/epub+zip": "EPUB book",
  "application/zip": "ZIP archive",
};

/** A MIME type as people name it: "MP3 audio", "PDF", "Video"; "File" when unknown. */
export function mediaKind(mimeType: string | null): string {
  const mime = (mimeType ?? "").split(";")[0].trim().toLowerCase();
  if (KNOWN_TYPES[mime]) return KNOWN_TYPES[mime];
  const [family] = mime.split("/");
  switch (family) {
    case "audio": return "Audio";
    case "video": return "Video";
    case "image": return "Image";
    case "text": return "Text";
    default: return "File";
  }
}

export interface Attachment {
  url: string;
  /** The file's name from its address, else the site's name. */
  name: string;
  /** "MP3 audio · 24 MB". */
  details: string;
}

export function attachment(enclosure: Enclosure): Attachment {
  const size = fileSize(enclosure.length);
  return {
    url: enclosure.url,
    name: fileName(enclosure.url),
    details: size ? `${mediaKind(enclosure.mimeType)} · ${size}` : mediaKind(enclosure.mimeType),
  };
}

function fileName(address: string): string {
  try {
    const url = new URL(address);
    const last = url.pathname.split("/").filter(Boolean).pop();
    if (!last) return url.hostname;
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  } catch {
    return address;
  }
}

/** A reason as the middle of a sentence: no full stop of its own. */
function clause(reason: string): string {
  return reason.trim().replace(/[.\s]+$/, "");
}

export type ArticleNote =
  /** Saved as a link: there is nothing to read here, only the page in the browser. */
  | { kind: "linkOnly"; text: string }
  /** Reading in full is under way or failed: the feed's own content is shown meanwhile. */
  | { kind: "summary"; text: string; offerBrowser: boolean }
  /** A saved page read only in part (the rest behind a paywall): the part is shown. */
  | { kind: "partial"; text: string };

export function articleNote(
  article: Pick<Article, "extractError" | "contentHtml"> & Partial<Pick<Article, "pagePending" | "feedId">>,
): ArticleNote | null {
  const linkOnly = isEmpty(article.contentHtml);
  // Its page is being read (saved while offline, "Load full text", a feed turned to full articles).
  switch (article.pagePending) {
    case "working":
      return linkOnly
        ? { kind: "linkOnly", text: "Tidings is reading this page…" }
        : { kind: "summary", text: "Reading the full article…", offerBrowser: false };
    case "waitingForNetwork":
      return linkOnly
        ? { kind: "linkOnly", text: "Tidings will read this page when you are back online." }
        : {
          kind: "summary",
          text: "The full article will be read when you are back online. Showing the feed's summary.",
          offerBrowser: false,
        };
  }
  if (!article.extractError) return null;
  const reason = clause(article.extractError);
  if (linkOnly) {
    return { kind: "linkOnly", text: `Tidings couldn't read this page: ${reason}.` };
  }
  if (article.feedId === null) {
    return { kind: "partial", text: `Only part of this article could be read: ${reason}. The page has the rest.` };
  }
  return { kind: "summary", text: `Couldn't read the full article: ${reason}. Showing the feed's summary.`, offerBrowser: true };
}

function isEmpty(html: string): boolean {
  return !/<img\b/i.test(html) && html.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").trim() === "";
}

/** "Load full text" is offered for a feed's article with a page, not read in full yet. */
export function canReadInFull(article: Pick<Article, "feedId" | "url" | "readingMinutes" | "pagePending">): boolean {
  return article.feedId !== null && article.url !== null && article.readingMinutes === null && article.pagePending === null;
}

/** The lead picture to show above the text, unless the text already holds it. */
export function leadImageToShow(article: Pick<Article, "leadImage" | "contentHtml">): string | null {
  const lead = article.leadImage;
  if (!lead) return null;
  const inContent = article.contentHtml.includes(lead) || article.contentHtml.includes(lead.replaceAll("&", "&amp;"));
  return inContent ? null : lead;
}

/**
 * Whether to offer "Load images": the setting holds back images not kept offline until a click,
 * the person has not clicked yet, and some picture did not load.
 */
export function offerToLoadImages(setting: RemoteImages | undefined, requested: boolean, missing: number): boolean {
  return setting === "onClick" && !requested && missing > 0;
}

/** What stands in a picture's place when it could not be shown: why, as far as the reader knows. */
export function missingPictureText(setting: RemoteImages | undefined, requested: boolean): string {
  if (!requested && setting === "onClick") return "Picture not loaded: Load images above shows it";
  if (!requested && setting === "never") return "Picture not kept offline, and Settings load no others";
  return "Picture not available offline";
}

/**
 * The ids a link in an article may lead to when it leads to a place in the article itself (a
 * footnote, its way back): stored links do so only as `#…`, every other one is a full address.
 * Written as the page wrote it, and decoded for a page that wrote the link percent-encoded.
 */
export function inArticleTargets(href: string | null): string[] {
  if (!href?.startsWith("#") || href.length === 1) return [];
  const id = href.slice(1);
  try {
    const decoded = decodeURIComponent(id);
    return decoded === id ? [id] : [id, decoded];
  } catch {
    return [id];
  }
}
