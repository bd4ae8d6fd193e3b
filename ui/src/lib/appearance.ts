// How preferences show: the theme on <html>, the reader's type as CSS custom properties, the
// panes' widths. Pure, so it is tested without a window.
import type { Density, MarkRead, Preferences, ReaderFont, Theme } from "./api";

export const DEFAULT_PREFERENCES: Preferences = {
  theme: "system",
  density: "comfortable",
  readerFont: "serif",
  readerSize: 18,
  lineHeightTenths: 16,
  contentWidth: 68,
  sidebarWidth: 240,
  listWidth: 360,
  markRead: "onOpen",
  markReadDelaySecs: 3,
  notifyNewArticles: false,
};

/** The backend keeps each number within these (and clamps again). */
export const LIMITS = {
  readerSize: { min: 14, max: 28 },
  lineHeightTenths: { min: 13, max: 20 },
  contentWidth: { min: 50, max: 90 },
  sidebarWidth: { min: 160, max: 480 },
  listWidth: { min: 240, max: 720 },
  markReadDelaySecs: { min: 1, max: 60 },
} as const;

export const THEMES: ReadonlyArray<{ value: Theme; label: string }> = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "sepia", label: "Sepia" },
];

export const DENSITIES: ReadonlyArray<{ value: Density; label: string }> = [
  { value: "comfortable", label: "Comfortable" },
  { value: "compact", label: "Compact" },
];

export const FONTS: ReadonlyArray<{ value: ReaderFont; label: string }> = [
  { value: "serif", label: "Serif" },
  { value: "sans", label: "Sans" },
  { value: "system", label: "System" },
];

export const MARK_READ: ReadonlyArray<{ value: MarkRead; label: string }> = [
  { value: "onOpen", label: "When opened" },
  { value: "afterDelay", label: "After a few seconds" },
  { value: "onScrollPast", label: "When scrolled past" },
  { value: "manually", label: "Only by hand (m)" },
];

export type ShownTheme = Exclude<Theme, "system">;

/** The theme on screen: the chosen one, or the system's light or dark. */
export function shownTheme(theme: Theme, systemDark: boolean): ShownTheme {
  if (theme === "system") return systemDark ? "dark" : "light";
  return theme;
}

const FONT_STACKS: Record<ReaderFont, string> = {
  serif: 'var(--font-serif)',
  sans: 'var(--font-sans)',
  system: "var(--font-ui)",
};

/** The reader's type as CSS custom properties. */
export function readerStyle(p: Preferences): Record<string, string> {
  return {
    "--reader-font": FONT_STACKS[p.readerFont],
    "--reader-size": `${clamp(p.readerSize, LIMITS.readerSize)}px`,
    "--reader-line-height": String(clamp(p.lineHeightTenths, LIMITS.lineHeightTenths) / 10),
    "--reader-width": `${clamp(p.contentWidth, LIMITS.contentWidth)}ch`,
  };
}

export function clamp(value: number, { min, max }: { min: number; max: number }): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

export interface PaneWidths {
  sidebar: number;
  list: number;
}

/**
 * The widths the panes get in a window `width` wide: as chosen, but the reader keeps at least
 * `minReader` pixels, the list giving way first, then the sidebar.
 */
export function fitPanes(chosen: PaneWidths, width: number, minReader = 320): PaneWidths {
  let sidebar = clamp(chosen.sidebar, LIMITS.sidebarWidth);
  let list = clamp(chosen.list, LIMITS.listWidth);
  let excess = sidebar + list + minReader - width;
  if (excess > 0) {
    const give = Math.min(excess, list - LIMITS.listWidth.min);
    list -= give;
    excess -= give;
  }
  if (excess > 0) sidebar -= Math.min(excess, sidebar - LIMITS.sidebarWidth.min);
  return { sidebar, list };
}

/** Preferences as remembered in the window between launches, before the database answers. */
export function parseCachedPreferences(stored: string | null): Preferences | null {
  try {
    const value: unknown = JSON.parse(stored ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const merged = { ...DEFAULT_PREFERENCES, ...(value as Partial<Preferences>) };
    return THEMES.some((t) => t.value === merged.theme) ? merged : null;
  } catch {
    return null;
  }
}

export type MarkReadPlan =
  | { kind: "now" }
  | { kind: "after"; ms: number }
  /** Left to scrolling past it, or to the person (m). */
  | { kind: "notOnOpen" };

/** What opening an unread article does to its read state. */
export function onOpening(p: Pick<Preferences, "markRead" | "markReadDelaySecs">): MarkReadPlan {
  switch (p.markRead) {
    case "onOpen": return { kind: "now" };
    case "afterDelay": return { kind: "after", ms: clamp(p.markReadDelaySecs, LIMITS.markReadDelaySecs) * 1000 };
    default: return { kind: "notOnOpen" };
  }
}
