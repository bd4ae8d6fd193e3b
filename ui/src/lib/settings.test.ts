import { describe, expect, it } from "vitest";
import { REMOTE_IMAGES, settingsForm, validateSettings, type SettingsForm } from "./settings";

const images = { remoteImages: "always", keepAllImages: false, mergeStories: true } as const;
const form = (numbers: Pick<SettingsForm, "refreshIntervalMinutes" | "keepReadDays">): SettingsForm => ({ ...numbers, ...images });

describe("the settings form", () => {
  it("accepts whole numbers in range", () => {
    expect(validateSettings(form({ refreshIntervalMinutes: " 45 ", keepReadDays: "14" }))).toEqual({
      settings: { refreshIntervalMinutes: 45, keepReadDays: 14, ...images },
    });
    const limits = { refreshIntervalMinutes: 10080, keepReadDays: 36500, ...images };
    expect(validateSettings(settingsForm(limits))).toEqual({ settings: limits });
  });

  it("says what is wrong with each field", () => {
    expect(validateSettings(form({ refreshIntervalMinutes: "0", keepReadDays: "soon" }))).toEqual({
      errors: {
        refreshIntervalMinutes: "Enter between 1 and 10,080 minutes.",
        keepReadDays: "Enter a whole number of days.",
      },
    });
    expect(validateSettings(form({ refreshIntervalMinutes: "1.5", keepReadDays: "36501" }))).toEqual({
      errors: {
        refreshIntervalMinutes: "Enter a whole number of minutes.",
        keepReadDays: "Enter between 1 and 36,500 days.",
      },
    });
    expect(validateSettings(form({ refreshIntervalMinutes: "", keepReadDays: "7" }))).toEqual({
      errors: { refreshIntervalMinutes: "Enter a whole number of minutes." },
    });
  });

  it("carries the image and story choices through unchanged", () => {
    const chosen = { refreshIntervalMinutes: 30, keepReadDays: 90, remoteImages: "onClick", keepAllImages: true, mergeStories: false } as const;
    expect(settingsForm(chosen)).toEqual({
      refreshIntervalMinutes: "30", keepReadDays: "90", remoteImages: "onClick", keepAllImages: true, mergeStories: false,
    });
    expect(validateSettings(settingsForm(chosen))).toEqual({ settings: chosen });
  });

  it("offers every remote-image choice, in order", () => {
    expect(REMOTE_IMAGES.map((c) => [c.value, c.label])).toEqual([["always", "Always"], ["onClick", "On click"], ["never", "Never"]]);
  });
});
