// The library's settings (refresh schedule, pictures from other servers, what is kept), as stored.
import { api, type Settings } from "../api";
import { FAILED, type Notices } from "./notices.svelte";

export class SettingsState {
  /** As stored; `null` until loaded. */
  current = $state<Settings | null>(null);

  constructor(private notices: Notices) {}

  async load(): Promise<void> {
    const settings = await this.notices.attempt(api.getSettings());
    if (settings !== FAILED) this.current = settings;
  }

  /** Throws with the reason. */
  async save(settings: Settings): Promise<void> {
    await api.setSettings(settings);
    this.current = settings;
  }
}
