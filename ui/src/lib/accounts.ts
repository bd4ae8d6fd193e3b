// Accounts as the sidebar and Settings show them: which services can be added, what an
// account's header says, and how feeds and folders fall into one section per account. Pure, so
// the wording and the grouping are tested without a window.
import type { Account, AccountKind, FeedSummary, Folder } from "./api";
import { count, timeAgo } from "./format";

/** The services a person can add, in the order the dialog offers them. */
export const SERVICES: readonly { kind: Exclude<AccountKind, "local">; label: string; placeholder: string }[] = [
  { kind: "greader", label: "FreshRSS, Miniflux, The Old Reader, BazQux… (Google Reader API)", placeholder: "https://rss.example.com" },
  { kind: "fever", label: "Fever (FreshRSS, Miniflux, Coldsweat)", placeholder: "https://rss.example.com/api/fever.php" },
  { kind: "ttrss", label: "Tiny Tiny RSS", placeholder: "https://rss.example.com/tt-rss" },
];

export const isRemote = (account: Account): boolean => account.kind !== "local";

/** Sections show only once there is an account besides the library: until then the sidebar is as it always was. */
export const showsSections = (accounts: readonly Account[]): boolean => accounts.some(isRemote);

/** "Synced 2 min ago", or "Not synced yet". */
export function syncedText(account: Account, now: Date = new Date()): string {
  return account.lastSyncAt === null ? "Not synced yet" : `Synced ${timeAgo(account.lastSyncAt, now)}`;
}

/** "3 changes to send"; nothing when there are none. */
export function pendingText(account: Account): string | null {
  return account.pendingChanges > 0 ? `${count(account.pendingChanges, "change")} to send` : null;
}

/** One toast for what a sync's server refused (each undone here), so that none hides another. */
export function refusedText(refused: readonly string[]): string | null {
  if (refused.length === 0) return null;
  if (refused.length === 1) return `The server refused a change: ${refused[0]}`;
  return `The server refused ${refused.length} changes: ${refused.join("; ")}`;
}

/** Said after adding an account (or giving its password again) when no keychain took the password. */
export function passwordNotKeptText(account: Account): string {
  return `No keychain answered: the password for ${account.name} lasts until Tidings quits.`;
}

/**
 * Whether the account offers *Enter the password…*: its last sync could not log in (the server
 * refused the password, or none was kept), or no keychain took it (giving it again tries one).
 */
export const wantsPassword = (account: Account): boolean =>
  isRemote(account) && (account.loginFailed || account.passwordNotKept);

/** Why the password dialog asks: the failed login's reason, or where the password was kept. */
export function passwordReason(account: Account): string | null {
  if (account.loginFailed && account.lastError) return `The last sync could not sign in: ${account.lastError}`;
  if (account.passwordNotKept) return "No keychain took the password: it lasts until Tidings quits. Give it again to try the keychain once more.";
  return null;
}

/**
 * What the tags dialog says of an article's account: where the service has labels the tags are
 * those labels; where it has none they stay on this computer. Nothing for the library's own.
 */
export function tagsSyncText(account: Account | undefined): string | null {
  if (!account || !isRemote(account)) return null;
  return account.abilities.labels
    ? `Tags here are labels on ${account.name}: they sync with your other devices.`
    : `${account.name} has no labels: tags on its articles stay on this computer.`;
}

/**
 * What Settings says stays on this computer for an account: none of the services keeps
 * highlights or notes, and only those with labels keep tags. Nothing for the library's own.
 */
export function keptHereText(account: Account): string | null {
  if (!isRemote(account)) return null;
  return account.abilities.labels
    ? "Tags sync as its labels; highlights and notes stay on this computer."
    : "Tags, highlights and notes stay on this computer.";
}

/**
 * Where the add-feed dialog can put a feed: the library on this computer first, then each account
 * whose server lets Tidings subscribe it (not Fever). One place only: the dialog offers no choice.
 */
export function feedDestinations(accounts: readonly Account[]): Account[] {
  return accounts.filter((account) => account.abilities.subscribe);
}

/** How the add-feed dialog names a destination: with its user, as one server may hold two accounts. */
export const destinationLabel = (account: Account): string =>
  account.userName ? `${account.name} (${account.userName})` : account.name;

export interface AccountSection {
  account: Account;
  feeds: FeedSummary[];
  folders: Folder[];
}

/**
 * The feeds and folders of each account, in the backend's order of accounts (the library on this
 * computer first). Anything whose account is not (yet) listed goes with the first section rather
 * than vanishing.
 */
export function accountSections(accounts: readonly Account[], feeds: readonly FeedSummary[], folders: readonly Folder[]): AccountSection[] {
  const sections = accounts.map((account) => ({ account, feeds: [] as FeedSummary[], folders: [] as Folder[] }));
  const byId = new Map(sections.map((section) => [section.account.id, section]));
  if (sections.length === 0) return [];
  for (const feed of feeds) (byId.get(feed.accountId) ?? sections[0]).feeds.push(feed);
  for (const folder of folders) (byId.get(folder.accountId) ?? sections[0]).folders.push(folder);
  return sections;
}
