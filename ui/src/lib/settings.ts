// The settings form, checked before it goes to the backend (which checks again).
import type { Settings } from "./api";

const LIMITS = {
  refreshIntervalMinutes: { min: 1, max: 7 * 24 * 60 },
  keepReadDays: { min: 1, max: 36_500 },
} as const;

/** The settings this form edits; the others pass through untouched. */
type Edited = Pick<Settings, "refreshIntervalMinutes" | "keepReadDays">;
export type SettingsForm = Record<keyof Edited, string>;
export type SettingsErrors = Partial<Record<keyof Edited, string>>;

export function settingsForm(settings: Edited): SettingsForm {
  return {
    refreshIntervalMinutes: String(settings.refreshIntervalMinutes),
    keepReadDays: String(settings.keepReadDays),
  };
}

function wholeNumber(text: string, { min, max }: { min: number; max: number }, unit: string): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `Enter a whole number of ${unit}.`;
  const value = Number(trimmed);
  if (value < min || value > max) return `Enter between ${min} and ${max.toLocaleString("en")} ${unit}.`;
  return value;
}

export function validateSettings(form: SettingsForm): { settings: Edited } | { errors: SettingsErrors } {
  const interval = wholeNumber(form.refreshIntervalMinutes, LIMITS.refreshIntervalMinutes, "minutes");
  const keep = wholeNumber(form.keepReadDays, LIMITS.keepReadDays, "days");
  if (typeof interval === "number" && typeof keep === "number") {
    return { settings: { refreshIntervalMinutes: interval, keepReadDays: keep } };
  }
  const errors: SettingsErrors = {};
  if (typeof interval === "string") errors.refreshIntervalMinutes = interval;
  if (typeof keep === "string") errors.keepReadDays = keep;
  return { errors };
}
