/**
 * What a tab of the web shell hears, by the account its route names (null: the login
 * window). What it may do is `checkAccount`'s, as for Electron's windows.
 */
import type { AccountId } from '../shared/account-id.ts'
import type { AccountEvent } from '../shared/model.ts'

/** A tab hears its account's events and the app's own (account null). */
export const isEventFor = (account: AccountId | null, event: AccountEvent): boolean =>
  event.account === null || event.account === account
