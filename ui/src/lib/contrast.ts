// WCAG 2 contrast of the theme's colours: the test reads the design tokens straight from
// theme.css and checks every pair of text and background the UI puts together.

/** `#rgb` or `#rrggbb` as 0–255 channels; `null` for anything else. */
export function parseHex(color: string): [number, number, number] | null {
  const hex = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(hex);
  if (short) return [short[1], short[2], short[3]].map((c) => parseInt(c + c, 16)) as [number, number, number];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(hex);
  if (long) return [long[1], long[2], long[3]].map((c) => parseInt(c, 16)) as [number, number, number];
  return null;
}

/** Relative luminance (WCAG 2.x). */
export function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) throw new Error(`not a #hex colour: ${ca ? b : a}`);
  const [light, dark] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The custom properties each theme block of a stylesheet sets, by theme: `:root` is "light",
 * `:root[data-theme="x"]` is "x". Later blocks inherit from `:root`.
 */
export function themeTokens(css: string): Record<string, Record<string, string>> {
  const themes: Record<string, Record<string, string>> = {};
  const block = /:root(?:\[data-theme="([a-z]+)"\])?\s*\{([^}]*)\}/g;
  for (const [, name, body] of css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(block)) {
    const theme = name ?? "light";
    const tokens = { ...(themes.light ?? {}), ...(themes[theme] ?? {}) };
    for (const [, prop, value] of body.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)) tokens[prop] = value.trim();
    themes[theme] = tokens;
  }
  return themes;
}

/** Text and the backgrounds it is drawn on, with the ratio AA asks of each pair. */
export const PAIRS: ReadonlyArray<{ fg: string; bg: string; min: number; where: string }> = [
  ...["--bg", "--bg-sidebar", "--bg-list", "--bg-hover", "--bg-selected"].flatMap((bg) => [
    { fg: "--text", bg, min: 4.5, where: "body text" },
    { fg: "--text-muted", bg, min: 4.5, where: "metadata and counts" },
    { fg: "--accent", bg, min: 4.5, where: "links, glyphs and marks" },
    { fg: "--focus", bg, min: 3, where: "the focus ring (non-text, 3:1)" },
  ]),
  { fg: "--text-muted", bg: "--pill-bg", min: 4.5, where: "unread count pills" },
  { fg: "--accent-text", bg: "--accent", min: 4.5, where: "primary buttons and menu highlight" },
  { fg: "--bg", bg: "--text", min: 4.5, where: "toasts (inverted)" },
  { fg: "--danger", bg: "--bg", min: 4.5, where: "errors" },
  { fg: "--warning", bg: "--bg-sidebar", min: 4.5, where: "⚠ on failing feeds" },
  { fg: "--warning", bg: "--bg-list", min: 4.5, where: "notes in the reader" },
  { fg: "--mark-text", bg: "--mark-bg", min: 4.5, where: "search highlights" },
  ...["--hl-yellow", "--hl-green", "--hl-blue", "--hl-pink"].flatMap((bg) => [
    { fg: "--text", bg, min: 4.5, where: "highlighted text" },
    { fg: "--accent", bg, min: 4.5, where: "a link in a highlight" },
  ]),
];
