import { describe, expect, it } from "vitest";
import { settingsForm, validateSettings } from "./settings";

describe("the settings form", () => {
  it("accepts whole numbers in range", () => {
    expect(validateSettings({ refreshIntervalMinutes: " 45 ", keepReadDays: "14" })).toEqual({
      settings: { refreshIntervalMinutes: 45, keepReadDays: 14 },
    });
    expect(validateSettings(settingsForm({ refreshIntervalMinutes: 10080, keepReadDays: 36500 }))).toEqual({
      settings: { refreshIntervalMinutes: 10080, keepReadDays: 36500 },
    });
  });

  it("says what is wrong with each field", () => {
    expect(validateSettings({ refreshIntervalMinutes: "0", keepReadDays: "soon" })).toEqual({
      errors: {
        refreshIntervalMinutes: "Enter between 1 and 10,080 minutes.",
        keepReadDays: "Enter a whole number of days.",
      },
    });
    expect(validateSettings({ refreshIntervalMinutes: "1.5", keepReadDays: "36501" })).toEqual({
      errors: {
        refreshIntervalMinutes: "Enter a whole number of minutes.",
        keepReadDays: "Enter between 1 and 36,500 days.",
      },
    });
    expect(validateSettings({ refreshIntervalMinutes: "", keepReadDays: "7" })).toEqual({
      errors: { refreshIntervalMinutes: "Enter a whole number of minutes." },
    });
  });
});
