/**
 * The bridge: the one contract between a window and the app's state. The preload exposes
 * it as `window.qq` over IPC; the web shell implements it over a WebSocket. Calls never
 * throw: they resolve to a Result whose error carries a stable code.
 *
 * The app holds any number of signed-in accounts. Every call that acts for one names it
 * first (`account`); a call for an account that is not signed in fails with
 * `NOT_LOGGED_IN` and never acts as another. Every event names its account too.
 */
import type { AccountId } from './account-id.ts'
import type { Result } from './errors.ts'
import type {
  AccountEvent,
  AddFriendOutcome,
  ChatMessage,
  FriendGroup,
  LogFolder,
  LoginOptions,
  LoginRequest,
  Profile,
  Settings,
  SignedIn,
  Snapshot,
  Status
} from './model.ts'
import type { WindowRoute } from './routes.ts'

export type Unsubscribe = () => void

/** The calls, each resolving to a Result. Arguments are plain data (structured-clonable). */
export interface QQCalls {
  getLoginOptions(): Promise<Result<LoginOptions>>
  /** Signs in one more account; the same number on the same server twice is `ALREADY_SIGNED_IN`. */
  login(request: LoginRequest): Promise<Result<SignedIn>>
  /** Signs the account out and closes it: its windows close (event `account-closed`). */
  logout(account: AccountId): Promise<Result<null>>
  setStatus(account: AccountId, status: Status): Promise<Result<null>>
  getSnapshot(account: AccountId): Promise<Result<Snapshot>>

  /** A cached profile unless `refresh`; level 3 (every field). */
  getProfile(account: AccountId, uin: number, refresh: boolean): Promise<Result<Profile>>
  addFriend(account: AccountId, uin: number, reason: string): Promise<Result<AddFriendOutcome>>
  /** Accept or refuse someone's request to add me, with a reason for a refusal. */
  answerRequest(
    account: AccountId,
    uin: number,
    accept: boolean,
    reason: string
  ): Promise<Result<null>>
  removeFriend(account: AccountId, uin: number): Promise<Result<null>>
  setRemark(account: AccountId, uin: number, remark: string): Promise<Result<null>>
  createGroup(account: AccountId, name: string): Promise<Result<FriendGroup>>
  renameGroup(account: AccountId, groupId: string, name: string): Promise<Result<null>>
  /** Its friends move to the default group. */
  deleteGroup(account: AccountId, groupId: string): Promise<Result<null>>
  moveFriend(account: AccountId, uin: number, groupId: string): Promise<Result<null>>

  /** Newest first, older than the message `before` (null: from the newest); peer null: all. */
  getHistory(
    account: AccountId,
    peer: number | null,
    before: string | null,
    limit: number
  ): Promise<Result<ChatMessage[]>>
  /** Text search, in one conversation or (peer null) in all. */
  searchHistory(
    account: AccountId,
    text: string,
    peer: number | null
  ): Promise<Result<ChatMessage[]>>
  /** The conversation (or all, peer null) as plain text, for the user to save. */
  exportHistory(account: AccountId, peer: number | null): Promise<Result<string>>
  /** Stored first, then sent in order; the returned message is pending. */
  sendMessage(account: AccountId, peer: number, text: string): Promise<Result<ChatMessage>>
  retryMessage(account: AccountId, messageId: string): Promise<Result<null>>
  markRead(account: AccountId, peer: number): Promise<Result<null>>

  /**
   * The settings an account's windows use: the app's own (theme, language, server, hosting,
   * autostart) with the account's (sending, notifications, sounds, auto-reply, polling).
   * `null` (the login window) gives the app's with the defaults for the rest.
   */
  getSettings(account: AccountId | null): Promise<Result<Settings>>
  /** App-wide keys change for every account; the others for `account` only (null: refused). */
  updateSettings(account: AccountId | null, patch: Partial<Settings>): Promise<Result<Settings>>

  /** Opens the window for `route`, or brings it to the front when it is open. */
  openWindow(route: WindowRoute): Promise<Result<null>>
  /** Closes the calling window. */
  closeWindow(): Promise<Result<null>>
  /** Opens an http(s) link in the system browser after checking it; anything else fails. */
  openExternal(url: string): Promise<Result<null>>
  /** Where the app writes its logs, and whether this shell can open the folder. */
  getLogFolder(): Promise<Result<LogFolder>>
  /** Opens the log folder in the file manager (the app only; a browser cannot). */
  openLogFolder(): Promise<Result<null>>
}

export type QQCallName = keyof QQCalls

export interface QQApi extends QQCalls {
  /** Every event of the core, in order, each with its account; returns the function that stops them. */
  onEvent(handler: (event: AccountEvent) => void): Unsubscribe
}

// A record, so that a call added to QQCalls but not here fails to type-check.
const CALLS: Record<QQCallName, true> = {
  getLoginOptions: true,
  login: true,
  logout: true,
  setStatus: true,
  getSnapshot: true,
  getProfile: true,
  addFriend: true,
  answerRequest: true,
  removeFriend: true,
  setRemark: true,
  createGroup: true,
  renameGroup: true,
  deleteGroup: true,
  moveFriend: true,
  getHistory: true,
  searchHistory: true,
  exportHistory: true,
  sendMessage: true,
  retryMessage: true,
  markRead: true,
  getSettings: true,
  updateSettings: true,
  openWindow: true,
  closeWindow: true,
  openExternal: true,
  getLogFolder: true,
  openLogFolder: true
}

/** The call names at run time, for the preload and the hosts that must agree on them. */
export const CALL_NAMES = Object.keys(CALLS) as QQCallName[]

/** IPC channel of a call (`domain:action`), and of the event stream. */
export const callChannel = (name: QQCallName): string => `qq:${name}`
export const EVENT_CHANNEL = 'qq:event'

const KNOWN = new Set<string>(CALL_NAMES)

export function isCallName(name: unknown): name is QQCallName {
  return typeof name === 'string' && KNOWN.has(name)
}
