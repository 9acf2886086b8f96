/**
 * The windows of the app: one renderer, one route per window kind, carried in the hash.
 * Every window but the login window belongs to one signed-in account and names it.
 */
import { parseAccountId, type AccountId } from './account-id.ts'

export type WindowRoute =
  | { readonly kind: 'login' }
  | { readonly kind: 'buddies'; readonly account: AccountId }
  | { readonly kind: 'chat'; readonly account: AccountId; readonly uin: number }
  | { readonly kind: 'profile'; readonly account: AccountId; readonly uin: number }
  | { readonly kind: 'system'; readonly account: AccountId }
  | { readonly kind: 'history'; readonly account: AccountId; readonly uin: number | null }
  | { readonly kind: 'settings'; readonly account: AccountId }

export type WindowKind = WindowRoute['kind']

/** The account a window belongs to; null for the login window. */
export function routeAccount(route: WindowRoute): AccountId | null {
  return route.kind === 'login' ? null : route.account
}

/** `#/<account>/<kind>[/<uin>]`; the account is URI-encoded (a server key holds a colon). */
export function routeToHash(route: WindowRoute): string {
  if (route.kind === 'login') return '#/login'
  const base = `#/${encodeURIComponent(route.account)}/${route.kind}`
  switch (route.kind) {
    case 'chat':
    case 'profile':
      return `${base}/${route.uin}`
    case 'history':
      return route.uin === null ? base : `${base}/${route.uin}`
    default:
      return base
  }
}

/** Anything unrecognised opens the login window, which is always safe to show. */
export function hashToRoute(hash: string): WindowRoute {
  const [encoded, kind, id] = hash.replace(/^#\/?/, '').split('/')
  const account = decodeAccount(encoded)
  if (account === undefined) return { kind: 'login' }
  const uin = id !== undefined && /^\d{1,10}$/.test(id) ? Number(id) : null
  switch (kind) {
    case 'buddies':
    case 'system':
    case 'settings':
      return { kind, account }
    case 'chat':
    case 'profile':
      return uin === null ? { kind: 'login' } : { kind, account, uin }
    case 'history':
      return { kind, account, uin }
    default:
      return { kind: 'login' }
  }
}

function decodeAccount(encoded: string | undefined): AccountId | undefined {
  if (encoded === undefined) return undefined
  try {
    const account = decodeURIComponent(encoded)
    return parseAccountId(account) === undefined ? undefined : account
  } catch {
    return undefined
  }
}

/** A stable key per window: one chat window per account and friend, one of everything else. */
export function windowKey(route: WindowRoute): string {
  return routeToHash(route)
}
