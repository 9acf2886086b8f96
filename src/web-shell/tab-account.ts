/**
 * What a tab of the web shell may do and hear, by the account its route names (null: the
 * login window). Electron's main knows each window's account the same way.
 */
import { parseAccountId, type AccountId } from '../shared/account-id.ts'
import { CALL_SCOPES } from '../shared/account-calls.ts'
import { isCallName } from '../core/host/dispatch.ts'
import type { AccountEvent } from '../shared/model.ts'

/**
 * True when a call names an account other than the tab's own: refused, so no window ever
 * acts as another account. The app's own calls, and the settings of the app (account null),
 * are any window's; what names no account at all fails the call's checks after this.
 */
export function actsForOtherAccount(
  account: AccountId | null,
  call: unknown,
  args: readonly unknown[]
): boolean {
  if (!isCallName(call) || CALL_SCOPES[call] === 'app') return false
  const named = args[0]
  return typeof named === 'string' && parseAccountId(named) !== undefined && named !== account
}

/** A tab hears its account's events and the app's own (account null). */
export const isEventFor = (account: AccountId | null, event: AccountEvent): boolean =>
  event.account === null || event.account === account
