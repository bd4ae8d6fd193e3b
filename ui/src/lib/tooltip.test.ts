import { describe, expect, it } from "vitest";
import { placeTooltip } from "./tooltip";

const viewport = { width: 1000, height: 800 };

describe("where a tooltip shows", () => {
  it("sits centred below its element", () => {
    expect(placeTooltip({ left: 100, top: 100, width: 40, height: 20 }, { width: 60, height: 24 }, viewport))
      .toEqual({ x: 90, y: 126 });
  });

  it("goes above an element at the bottom of the window", () => {
    expect(placeTooltip({ left: 100, top: 770, width: 40, height: 20 }, { width: 60, height: 24 }, viewport))
      .toEqual({ x: 90, y: 740 });
  });

  it("stays inside the window at its edges", () => {
    expect(placeTooltip({ left: 0, top: 10, width: 20, height: 20 }, { width: 200, height: 24 }, viewport).x).toBe(4);
    expect(placeTooltip({ left: 980, top: 10, width: 20, height: 20 }, { width: 200, height: 24 }, viewport).x).toBe(796);
  });
});
