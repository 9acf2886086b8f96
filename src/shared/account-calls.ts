/**
 * Which bridge calls act for one account, and so name it first: the renderer binds its
 * window's account to them, and a host that knows a window's account refuses a call that
 * names another. A record, so a call added to the bridge must be placed here too.
 */
import type { QQCallName } from './api.ts'

/**
 * `account`: for one signed-in account; `account-or-app`: an account, or null for the app's
 * own (the settings, which the login window reads and changes too); `app`: for no account.
 */
export type CallScope = 'account' | 'account-or-app' | 'app'

export const CALL_SCOPES = {
  getLoginOptions: 'app',
  login: 'app',
  logout: 'account',
  setStatus: 'account',
  getSnapshot: 'account',
  getProfile: 'account',
  addFriend: 'account',
  answerRequest: 'account',
  removeFriend: 'account',
  setRemark: 'account',
  createGroup: 'account',
  renameGroup: 'account',
  deleteGroup: 'account',
  moveFriend: 'account',
  getHistory: 'account',
  searchHistory: 'account',
  exportHistory: 'account',
  sendMessage: 'account',
  retryMessage: 'account',
  markRead: 'account',
  getSettings: 'account-or-app',
  updateSettings: 'account-or-app',
  openWindow: 'app',
  closeWindow: 'app',
  openExternal: 'app',
  getLogFolder: 'app',
  openLogFolder: 'app'
} as const satisfies Readonly<Record<QQCallName, CallScope>>

/** The names of the calls that take an account first (`account` or `account-or-app`). */
export type AccountCallName = {
  [K in QQCallName]: (typeof CALL_SCOPES)[K] extends 'app' ? never : K
}[QQCallName]
