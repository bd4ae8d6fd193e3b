import { describe, expect, it } from "vitest";
import { initialOf } from "./feedIcon";

describe("a feed's letter tile", () => {
  it("shows the first letter or digit of its name", () => {
    expect(initialOf("harbour news")).toBe("H");
    expect(initialOf("  «The» Daily")).toBe("T");
    expect(initialOf("9to5 Linux")).toBe("9");
    expect(initialOf("Ärzteblatt")).toBe("Ä");
    expect(initialOf("𝔉raktur")).toBe("𝔉");
    expect(initialOf("الجزيرة")).toBe("ا");
  });

  it("shows a dot for a name with no letter", () => {
    expect(initialOf("")).toBe("•");
    expect(initialOf("★ ★ ★")).toBe("•");
  });
});
