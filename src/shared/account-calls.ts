/**
 * Which bridge calls act for one account, and so name it first: the renderer binds its
 * window's account to them, and a host that knows a window's account refuses a call that
 * names another. A record, so a call added to the bridge must be placed here too.
 */
import { parseAccountId, type AccountId } from './account-id.ts'
import { isCallName, type QQCallName } from './api.ts'
import { fail, type Result } from './errors.ts'

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

/**
 * The account a call names, as sent (before the schemas): the first argument of an account
 * call, or the route's of a window it opens; null when it names none. The login window opens
 * the buddy list of the account it has just signed in; any other window opens only its own
 * account's windows.
 */
function namedAccount(own: AccountId | null, name: QQCallName, args: readonly unknown[]): unknown {
  if (name === 'openWindow') {
    const route = args[0]
    const named =
      typeof route === 'object' && route !== null && 'account' in route ? route.account : null
    return own === null ? null : named
  }
  return CALL_SCOPES[name] === 'app' ? null : (args[0] ?? null)
}

/**
 * Defence in depth behind the core's own check, for the hosts that know each window's
 * account (`own`; null for the login window): FORBIDDEN for a call that names another
 * account than the window's, which the core could not tell from a fair call. The app's
 * settings (account null) are any window's; what names no account is left to the schemas.
 */
export function checkAccount(
  own: AccountId | null,
  name: unknown,
  args: readonly unknown[]
): Result<never> | undefined {
  if (!isCallName(name)) return undefined
  const named = namedAccount(own, name, args)
  // Not an account at all is the schemas' to refuse, with what is wrong with it.
  if (typeof named !== 'string' || parseAccountId(named) === undefined) return undefined
  if (named === own) return undefined
  return fail('FORBIDDEN', `${name}: a window acts for its own account only`)
}
