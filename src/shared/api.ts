/**
 * The bridge: the one contract between a window and the app's state. The preload exposes
 * it as `window.qq` over IPC; the web shell implements it over a WebSocket. Calls never
 * throw: they resolve to a Result whose error carries a stable code.
 */
import type { Result } from './errors.ts'
import type {
  AddFriendOutcome,
  ChatMessage,
  CoreEvent,
  FriendGroup,
  LogFolder,
  LoginOptions,
  LoginRequest,
  Me,
  Profile,
  Settings,
  Snapshot,
  Status
} from './model.ts'
import type { WindowRoute } from './routes.ts'

export type Unsubscribe = () => void

/** The calls, each resolving to a Result. Arguments are plain data (structured-clonable). */
export interface QQCalls {
  getLoginOptions(): Promise<Result<LoginOptions>>
  login(request: LoginRequest): Promise<Result<Me>>
  logout(): Promise<Result<null>>
  setStatus(status: Status): Promise<Result<null>>
  getSnapshot(): Promise<Result<Snapshot>>

  /** A cached profile unless `refresh`; level 3 (every field). */
  getProfile(uin: number, refresh: boolean): Promise<Result<Profile>>
  addFriend(uin: number, reason: string): Promise<Result<AddFriendOutcome>>
  /** Accept or refuse someone's request to add me, with a reason for a refusal. */
  answerRequest(uin: number, accept: boolean, reason: string): Promise<Result<null>>
  removeFriend(uin: number): Promise<Result<null>>
  setRemark(uin: number, remark: string): Promise<Result<null>>
  createGroup(name: string): Promise<Result<FriendGroup>>
  renameGroup(groupId: string, name: string): Promise<Result<null>>
  /** Its friends move to the default group. */
  deleteGroup(groupId: string): Promise<Result<null>>
  moveFriend(uin: number, groupId: string): Promise<Result<null>>

  /** Newest first, older than the message `before` (null: from the newest); peer null: all. */
  getHistory(
    peer: number | null,
    before: string | null,
    limit: number
  ): Promise<Result<ChatMessage[]>>
  /** Text search, in one conversation or (peer null) in all. */
  searchHistory(text: string, peer: number | null): Promise<Result<ChatMessage[]>>
  /** The conversation (or all, peer null) as plain text, for the user to save. */
  exportHistory(peer: number | null): Promise<Result<string>>
  /** Stored first, then sent in order; the returned message is pending. */
  sendMessage(peer: number, text: string): Promise<Result<ChatMessage>>
  retryMessage(messageId: string): Promise<Result<null>>
  markRead(peer: number): Promise<Result<null>>

  getSettings(): Promise<Result<Settings>>
  updateSettings(patch: Partial<Settings>): Promise<Result<Settings>>

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
  /** Every event of the core, in order; returns the function that stops them. */
  onEvent(handler: (event: CoreEvent) => void): Unsubscribe
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
