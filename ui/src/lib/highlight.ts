// Search results come back as escaped text with the matching words in <mark>. They are shown as
// text and <mark> elements built by the UI, never as HTML: whatever else the string holds
// (a stray tag, a script) can only ever be text.

export interface Segment {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Turns HTML character references back into the characters they stand for. */
export function unescapeText(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of a highlighted string, in runs that are marked or not. */
export function markedSegments(html: string): Segment[] {
  const segments: Segment[] = [];
  let marked = false;
  for (const part of html.split(/(<mark>|<\/mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === "<mark>") marked = true;
    else if (tag === "</mark>") marked = false;
    else if (part !== "") {
      const text = unescapeText(part);
      const last = segments[segments.length - 1];
      if (last && last.marked === marked) last.text += text;
      else segments.push({ text, marked });
    }
  }
  return segments;
}
