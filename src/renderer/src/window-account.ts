import { parseAccountId, type AccountId } from '../../shared/account-id.ts'
import { hashToRoute, routeAccount } from '../../shared/routes.ts'

/**
 * The account this window belongs to, from its route (the address's hash, which never
 * changes while the page lives); null for the login window.
 */
export function windowAccount(): AccountId | null {
  return routeAccount(hashToRoute(window.location?.hash ?? ''))
}

/** The number of the window's owner, which every window but the login window shows. */
export function windowOwner(): number | null {
  const account = windowAccount()
  return account === null ? null : (parseAccountId(account)?.uin ?? null)
}
