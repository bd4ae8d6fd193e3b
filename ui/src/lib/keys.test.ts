import { describe, expect, it } from "vitest";
import { KeyReader, keyFor, keyLabel, SEQUENCE_MS, SHORTCUTS, type KeyPress } from "./keys";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, altKey: false, inTextField: false, overlayOpen: false, ...extra,
});

function reader(): { keys: KeyReader; advance: (ms: number) => void } {
  let now = 1_000;
  return { keys: new KeyReader(() => now), advance: (ms) => (now += ms) };
}

describe("keyboard shortcuts", () => {
  it("maps the reading keys", () => {
    const { keys } = reader();
    const expected: Record<string, string> = {
      j: "next", k: "previous", n: "nextUnread", p: "previousUnread", " ": "page", o: "open", Enter: "open",
      v: "openInBrowser", b: "toggleBookmark", s: "toggleSaved", m: "toggleRead", A: "markAllRead", r: "refresh",
      "/": "search", "?": "help",
    };
    for (const [key, command] of Object.entries(expected)) expect(keys.read(press(key)), key).toBe(command);
    expect(keys.read(press("x"))).toBeNull();
  });

  it("reads g then a letter as a jump to a view", () => {
    const { keys } = reader();
    expect(keys.read(press("g"))).toBeNull();
    expect(keys.read(press("a"))).toBe("goAll");
    keys.read(press("g"));
    expect(keys.read(press("u"))).toBe("goUnread");
    keys.read(press("g"));
    expect(keys.read(press("b"))).toBe("goBookmarks");
    // Without the g, b is still bookmarking.
    expect(keys.read(press("b"))).toBe("toggleBookmark");
  });

  it("forgets a g that waited too long, or was followed by anything else", () => {
    const { keys, advance } = reader();
    keys.read(press("g"));
    advance(SEQUENCE_MS + 1);
    expect(keys.read(press("b"))).toBe("toggleBookmark");
    keys.read(press("g"));
    expect(keys.read(press("j"))).toBe("next");
    expect(keys.read(press("a"))).toBeNull();
  });

  it("leaves typing, browser shortcuts and pressed buttons alone", () => {
    const { keys } = reader();
    expect(keys.read(press("j", { inTextField: true }))).toBeNull();
    expect(keys.read(press("/", { inTextField: true }))).toBeNull();
    expect(keys.read(press("r", { ctrlKey: true }))).toBeNull();
    expect(keys.read(press("r", { metaKey: true }))).toBeNull();
    // Ctrl+S and Cmd+S belong to the system, and an upper-case S is not the shortcut.
    expect(keys.read(press("s", { ctrlKey: true }))).toBeNull();
    expect(keys.read(press("s", { metaKey: true }))).toBeNull();
    expect(keys.read(press("S"))).toBeNull();
    // Space and Enter press the focused button; letters still work there.
    expect(keys.read(press(" ", { onControl: true }))).toBeNull();
    expect(keys.read(press("Enter", { onControl: true }))).toBeNull();
    expect(keys.read(press("j", { onControl: true }))).toBe("next");
  });

  it("undoes with Ctrl+Z or ⌘Z, except in a text field, where it undoes typing", () => {
    const { keys } = reader();
    expect(keys.read(press("z", { ctrlKey: true }))).toBe("undo");
    expect(keys.read(press("z", { metaKey: true }))).toBe("undo");
    expect(keys.read(press("z"))).toBeNull();
    expect(keys.read(press("z", { ctrlKey: true, inTextField: true }))).toBeNull();
    expect(keys.read(press("z", { ctrlKey: true, overlayOpen: true }))).toBeNull();
    // Ctrl+Shift+Z is redo elsewhere: not taken for undo.
    expect(keys.read(press("Z", { ctrlKey: true }))).toBeNull();
    expect(keyLabel("Mod+z", false)).toBe("Ctrl+Z");
    expect(keyLabel("Mod+z", true)).toBe("⌘Z");
  });

  it("stays out of the way while a dialog or menu is open", () => {
    const { keys } = reader();
    expect(keys.read(press("r", { overlayOpen: true }))).toBeNull();
    expect(keys.read(press("j", { overlayOpen: true }))).toBeNull();
  });

  it("names keys as they are pressed, for tooltips and the sheet", () => {
    expect(keyFor("toggleBookmark")).toBe("b");
    expect(keyFor("toggleSaved")).toBe("s");
    expect(keyFor("markAllRead")).toBe("Shift+A");
    expect(keyFor("page")).toBe("Space");
    expect(keyFor("goAll")).toBe("g then a");
    expect(keyLabel("Enter")).toBe("Enter");
  });

  it("gives each key one meaning", () => {
    const keys = SHORTCUTS.map((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
