/**
 * Defence in depth behind the core's own check: a window acts only for the account it was
 * opened for. The core refuses an account that is not signed in; this refuses a window
 * naming another one that is, which the core cannot tell from a fair call.
 */
import type { QQCallName } from '../../shared/api.ts'
import type { AccountId } from '../../shared/account-id.ts'
import { fail, type Result } from '../../shared/errors.ts'

/** The calls that name no account (the others name it first, or as the route's for openWindow). */
const NAMING_NONE = new Set<QQCallName>([
  'getLoginOptions',
  'login',
  'closeWindow',
  'openExternal',
  'getLogFolder',
  'openLogFolder'
])

/** All the login window, which belongs to no account, has to do. */
const LOGIN_WINDOW_CALLS = new Set<QQCallName>([
  'getLoginOptions',
  'login',
  'getSettings',
  'updateSettings',
  'openWindow',
  'closeWindow',
  'openExternal',
  'getLogFolder',
  'openLogFolder'
])

/** The account a call names, as sent (before the schemas); null when it names none. */
function namedAccount(name: QQCallName, args: readonly unknown[]): unknown {
  if (NAMING_NONE.has(name)) return null
  if (name !== 'openWindow') return args[0]
  const route = args[0]
  return typeof route === 'object' && route !== null && 'account' in route ? route.account : null
}

/**
 * FORBIDDEN for a call that names an account other than `own` (the caller window's; null
 * for the login window, which may name none and make only its own few calls); undefined
 * lets it through to the schemas and the core.
 */
export function checkAccount(
  own: AccountId | null,
  name: QQCallName,
  args: readonly unknown[]
): Result<never> | undefined {
  if (own === null && !LOGIN_WINDOW_CALLS.has(name)) {
    return fail('FORBIDDEN', `${name}: not for the login window`)
  }
  const named = namedAccount(name, args)
  if (named !== null && named !== own) {
    return fail('FORBIDDEN', `${name}: for another account than the window's`)
  }
  return undefined
}
