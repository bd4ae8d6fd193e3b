// The app's states, one per concern, made and wired together here, and handed to components
// through Svelte's context: a component takes the ones it uses (`useArticleList()` and so on),
// never the whole set. Dependencies point one way, in the order they are made below; a change
// to articles reaches each state that shows them through the ChangeLog they share.
import { createContext } from "svelte";
import { events } from "../api";
import { ChangeLog } from "../changes";
import { firstWebUrl } from "../drop";
import { Accounts } from "./accounts.svelte";
import { ArticleList } from "./articleList.svelte";
import { Highlighting } from "./highlighting.svelte";
import { HighlightsView } from "./highlightsView.svelte";
import { Layout } from "./layout.svelte";
import { Notices } from "./notices.svelte";
import { OpenArticle } from "./openArticle.svelte";
import { Overlays } from "./overlays.svelte";
import type { PreferencesState } from "./preferences.svelte";
import { Refresh } from "./refresh.svelte";
import { Saving } from "./saving.svelte";
import { SettingsState } from "./settings.svelte";
import { Subscribing } from "./subscribing.svelte";
import { Subscriptions } from "./subscriptions.svelte";

export interface AppStates {
  preferences: PreferencesState;
  settings: SettingsState;
  notices: Notices;
  overlays: Overlays;
  subscriptions: Subscriptions;
  reader: OpenArticle;
  list: ArticleList;
  refresh: Refresh;
  subscribing: Subscribing;
  saving: Saving;
  accounts: Accounts;
  highlighting: Highlighting;
  highlightsView: HighlightsView;
  layout: Layout;
}

export function createStates(preferences: PreferencesState): AppStates {
  const notices = new Notices();
  const changes = new ChangeLog();
  const subscriptions = new Subscriptions(notices);
  const reader = new OpenArticle(notices, preferences, changes, subscriptions);
  const list = new ArticleList(notices, changes, subscriptions, reader);
  const refresh = new Refresh(notices, subscriptions, list, reader);
  const accounts = new Accounts(notices, list, reader);
  subscriptions.readAlso.push(() => accounts.load());
  const overlays = new Overlays();
  const highlighting = new Highlighting(notices, overlays);
  highlighting.changed.push(() => void subscriptions.load());
  const highlightsView = new HighlightsView(notices, list, reader, highlighting);
  return {
    preferences,
    settings: new SettingsState(notices),
    notices,
    overlays,
    subscriptions,
    reader,
    list,
    refresh,
    subscribing: new Subscribing(notices, subscriptions, list, refresh),
    saving: new Saving(notices, list, reader),
    accounts,
    highlighting,
    highlightsView,
    layout: new Layout(list, highlightsView),
  };
}

/** Follows the backend's events, then reads the library for the first time. */
export async function start(states: AppStates): Promise<void> {
  const { list, refresh, saving, accounts, subscriptions } = states;
  await Promise.all([
    refresh.listen(),
    accounts.listen(),
    events.onFeedIconsChanged(() => void subscriptions.load()),
    events.onWindowDrop((uris) => {
      const url = firstWebUrl(uris);
      if (url) void saving.saveDropped(url);
    }),
  ]);
  await Promise.all([list.reload(), states.settings.load(), refresh.countPagesToRead()]);
  list.loaded = true;
}

const [getStates, setStates] = createContext<AppStates>();

/** Makes `states` the ones the components below the caller use; called once, by App. */
export function provideStates(states: AppStates): void {
  setStates(states);
}

export const usePreferences = (): PreferencesState => getStates().preferences;
export const useSettings = (): SettingsState => getStates().settings;
export const useNotices = (): Notices => getStates().notices;
export const useOverlays = (): Overlays => getStates().overlays;
export const useSubscriptions = (): Subscriptions => getStates().subscriptions;
export const useOpenArticle = (): OpenArticle => getStates().reader;
export const useArticleList = (): ArticleList => getStates().list;
export const useRefresh = (): Refresh => getStates().refresh;
export const useSubscribing = (): Subscribing => getStates().subscribing;
export const useSaving = (): Saving => getStates().saving;
export const useAccounts = (): Accounts => getStates().accounts;
export const useHighlighting = (): Highlighting => getStates().highlighting;
export const useHighlightsView = (): HighlightsView => getStates().highlightsView;
export const useLayout = (): Layout => getStates().layout;
