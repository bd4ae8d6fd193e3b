// The settings form, checked before it goes to the backend (which checks again).
import type { RemoteImages, Settings } from "./api";

const LIMITS = {
  refreshIntervalMinutes: { min: 1, max: 7 * 24 * 60 },
  keepReadDays: { min: 1, max: 36_500 },
} as const;

/** The choices for pictures not kept offline, in the order the dialog lists them. */
export const REMOTE_IMAGES: ReadonlyArray<{ value: RemoteImages; label: string }> = [
  { value: "always", label: "Always" },
  { value: "onClick", label: "On click" },
  { value: "never", label: "Never" },
];

type Numbers = "refreshIntervalMinutes" | "keepReadDays";
/** The settings this form edits; any others pass through untouched. */
type Edited = Pick<Settings, Numbers | "remoteImages" | "keepAllImages" | "mergeStories">;
/** Numbers as typed (checked on save); choices as chosen. */
export type SettingsForm = Record<Numbers, string> & Pick<Settings, "remoteImages" | "keepAllImages" | "mergeStories">;
export type SettingsErrors = Partial<Record<Numbers, string>>;

export function settingsForm(settings: Edited): SettingsForm {
  return {
    refreshIntervalMinutes: String(settings.refreshIntervalMinutes),
    keepReadDays: String(settings.keepReadDays),
    remoteImages: settings.remoteImages,
    keepAllImages: settings.keepAllImages,
    mergeStories: settings.mergeStories,
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
    return {
      settings: {
        refreshIntervalMinutes: interval,
        keepReadDays: keep,
        remoteImages: form.remoteImages,
        keepAllImages: form.keepAllImages,
        mergeStories: form.mergeStories,
      },
    };
  }
  const errors: SettingsErrors = {};
  if (typeof interval === "string") errors.refreshIntervalMinutes = interval;
  if (typeof keep === "string") errors.keepReadDays = keep;
  return { errors };
}
