import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES, fitPanes, onOpening, parseCachedPreferences, readerStyle, shownTheme } from "./appearance";

describe("appearance", () => {
  it("follows the system unless a theme was chosen", () => {
    expect(shownTheme("system", true)).toBe("dark");
    expect(shownTheme("system", false)).toBe("light");
    expect(shownTheme("sepia", true)).toBe("sepia");
    expect(shownTheme("light", true)).toBe("light");
  });

  it("gives the reader its font, size, line height and width", () => {
    expect(readerStyle({ ...DEFAULT_PREFERENCES, readerFont: "sans", readerSize: 20, lineHeightTenths: 18, contentWidth: 72 })).toEqual({
      "--reader-font": "var(--font-sans)",
      "--reader-size": "20px",
      "--reader-line-height": "1.8",
      "--reader-width": "72ch",
    });
  });

  it("keeps numbers in range", () => {
    const style = readerStyle({ ...DEFAULT_PREFERENCES, readerSize: 400, lineHeightTenths: 2, contentWidth: 10 });
    expect(style["--reader-size"]).toBe("28px");
    expect(style["--reader-line-height"]).toBe("1.3");
    expect(style["--reader-width"]).toBe("50ch");
  });

  it("fits the panes, leaving the reader room", () => {
    expect(fitPanes({ sidebar: 240, list: 360 }, 1400)).toEqual({ sidebar: 240, list: 360 });
    // The list gives way first, down to its minimum, then the sidebar.
    expect(fitPanes({ sidebar: 240, list: 500 }, 1000)).toEqual({ sidebar: 240, list: 440 });
    expect(fitPanes({ sidebar: 300, list: 500 }, 700)).toEqual({ sidebar: 160, list: 240 });
    expect(fitPanes({ sidebar: 9999, list: 1 }, 4000)).toEqual({ sidebar: 480, list: 240 });
  });

  it("reads the remembered preferences, refusing garbage", () => {
    expect(parseCachedPreferences(null)).toBeNull();
    expect(parseCachedPreferences("{bad")).toBeNull();
    expect(parseCachedPreferences('{"theme":"neon"}')).toBeNull();
    expect(parseCachedPreferences('{"theme":"sepia"}')).toEqual({ ...DEFAULT_PREFERENCES, theme: "sepia" });
  });
});

describe("when an opened article counts as read", () => {
  it("follows the preference", () => {
    expect(onOpening({ markRead: "onOpen", markReadDelaySecs: 3 })).toEqual({ kind: "now" });
    expect(onOpening({ markRead: "afterDelay", markReadDelaySecs: 5 })).toEqual({ kind: "after", ms: 5000 });
    expect(onOpening({ markRead: "afterDelay", markReadDelaySecs: 0 })).toEqual({ kind: "after", ms: 1000 });
    expect(onOpening({ markRead: "onScrollPast", markReadDelaySecs: 3 })).toEqual({ kind: "notOnOpen" });
    expect(onOpening({ markRead: "manually", markReadDelaySecs: 3 })).toEqual({ kind: "notOnOpen" });
  });
});
