import type { AccountId } from '../../shared/account-id.ts'
import { routeAccount } from '../../shared/routes.ts'
import type { ShellState } from '../state-mirror.ts'
import type { WindowManager } from './window-manager.ts'

/**
 * A login that worked swaps the login window for that account's buddy list (the buddy list
 * first, so the app is never without a window in between). A failed attempt changes
 * nothing: the login window shows why.
 */
export function openAccount(windows: WindowManager, account: AccountId): void {
  windows.open({ kind: 'buddies', account })
  windows.destroy({ kind: 'login' })
}

/**
 * The windows follow the signed-in accounts: an account that is gone (logged out, lost for
 * good, removed) takes all its windows with it, and when the last one goes the login window
 * comes back. The other accounts' windows stay as they are.
 */
export function followAccounts(
  windows: WindowManager,
  state: ShellState,
  before: ShellState
): void {
  const gone = [...before.accounts.keys()].filter((account) => !state.accounts.has(account))
  if (gone.length === 0) return
  for (const route of windows.routes()) {
    const owner = routeAccount(route)
    if (owner !== null && gone.includes(owner)) windows.destroy(route)
  }
  if (state.accounts.size === 0) windows.open({ kind: 'login' })
}

/** What the tray, a second launch or the dock brings back: every account's buddy list. */
export function showMainWindow(windows: WindowManager, state: ShellState): void {
  if (state.accounts.size === 0) windows.open({ kind: 'login' })
  for (const account of state.accounts.keys()) windows.open({ kind: 'buddies', account })
}
