import { describe, expect, it } from "vitest";
import { commandFor, keyFor, type KeyPress } from "./keys";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, altKey: false, inTextField: false, overlayOpen: false, ...extra,
});

describe("keyboard shortcuts", () => {
  it("maps the reading keys", () => {
    expect(commandFor(press("j"))).toBe("next");
    expect(commandFor(press("k"))).toBe("previous");
    expect(commandFor(press("b"))).toBe("toggleBookmark");
    expect(commandFor(press("s"))).toBe("toggleSaved");
    expect(commandFor(press("m"))).toBe("toggleRead");
    expect(commandFor(press("r"))).toBe("refresh");
    expect(commandFor(press("x"))).toBeNull();
  });

  it("leaves typing and browser shortcuts alone", () => {
    expect(commandFor(press("j", { inTextField: true }))).toBeNull();
    expect(commandFor(press("r", { ctrlKey: true }))).toBeNull();
    expect(commandFor(press("r", { metaKey: true }))).toBeNull();
    // Ctrl+S and Cmd+S belong to the system, and an upper-case S is not the shortcut.
    expect(commandFor(press("s", { ctrlKey: true }))).toBeNull();
    expect(commandFor(press("s", { metaKey: true }))).toBeNull();
    expect(commandFor(press("S"))).toBeNull();
  });

  it("stays out of the way while a dialog or menu is open", () => {
    expect(commandFor(press("r", { overlayOpen: true }))).toBeNull();
    expect(commandFor(press("j", { overlayOpen: true }))).toBeNull();
  });

  it("names the key for tooltips", () => {
    expect(keyFor("toggleBookmark")).toBe("b");
    expect(keyFor("toggleSaved")).toBe("s");
  });
});
