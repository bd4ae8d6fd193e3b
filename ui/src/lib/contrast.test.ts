import { describe, expect, it } from "vitest";
import themeCss from "../styles/theme.css?raw";
import { contrastRatio, PAIRS, parseHex, themeTokens } from "./contrast";

describe("contrast arithmetic", () => {
  it("matches WCAG's reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#fff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(parseHex("rgb(0 0 0)")).toBeNull();
  });
});

describe("every theme meets WCAG AA", () => {
  const themes = themeTokens(themeCss);

  it("defines light, dark and sepia", () => {
    expect(Object.keys(themes).sort()).toEqual(["dark", "light", "sepia"]);
  });

  for (const [theme, tokens] of Object.entries(themes)) {
    it(`${theme}: every text and background pair`, () => {
      const failures: string[] = [];
      for (const pair of PAIRS) {
        const fg = tokens[pair.fg];
        const bg = tokens[pair.bg];
        expect(fg, `${theme} defines ${pair.fg}`).toBeDefined();
        expect(bg, `${theme} defines ${pair.bg}`).toBeDefined();
        const ratio = contrastRatio(fg, bg);
        if (ratio < pair.min) failures.push(`${pair.fg} ${fg} on ${pair.bg} ${bg} (${pair.where}): ${ratio.toFixed(2)} < ${pair.min}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
