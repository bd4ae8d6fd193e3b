// A link dragged onto the window is saved to read later. What a drop carries, reduced to one
// web address; anything else (files, pictures, a few words) is left alone.

/** The part of a DataTransfer a drop is read from (a plain object in tests). */
export interface DropData {
  readonly types: readonly string[];
  getData(type: string): string;
}

/** While dragging only the kinds of data are known: could this be a link (and not files)? */
export function mayHoldLink(types: readonly string[]): boolean {
  return !types.includes("Files") && (types.includes("text/uri-list") || types.includes("text/plain"));
}

/** The web address a drop carries, or `null`. A URI list (RFC 2483) wins over plain text. */
export function droppedUrl(data: DropData): string | null {
  if (data.types.includes("text/uri-list")) {
    const first = firstWebUrl(uriList(data.getData("text/uri-list")));
    if (first) return first;
  }
  if (data.types.includes("text/plain")) {
    // Plain text counts only when it is nothing but an address: dropped words are not a page.
    const text = data.getData("text/plain").trim();
    if (!/\s/.test(text)) return webUrl(text);
  }
  return null;
}

/** The first web address among URIs the window itself received (see `events.onWindowDrop`). */
export function firstWebUrl(uris: readonly string[]): string | null {
  for (const uri of uris) {
    const url = webUrl(uri.trim());
    if (url) return url;
  }
  return null;
}

function uriList(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}

function webUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
