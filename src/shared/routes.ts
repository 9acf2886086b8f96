/** The windows of the app: one renderer, one route per window kind, carried in the hash. */
export type WindowRoute =
  | { readonly kind: 'login' }
  | { readonly kind: 'buddies' }
  | { readonly kind: 'chat'; readonly uin: number }
  | { readonly kind: 'profile'; readonly uin: number }
  | { readonly kind: 'system' }
  | { readonly kind: 'history'; readonly uin: number | null }
  | { readonly kind: 'settings' }

export type WindowKind = WindowRoute['kind']

export function routeToHash(route: WindowRoute): string {
  switch (route.kind) {
    case 'chat':
    case 'profile':
      return `#/${route.kind}/${route.uin}`
    case 'history':
      return route.uin === null ? '#/history' : `#/history/${route.uin}`
    default:
      return `#/${route.kind}`
  }
}

/** Anything unrecognised opens the login window, which is always safe to show. */
export function hashToRoute(hash: string): WindowRoute {
  const [kind, id] = hash.replace(/^#\/?/, '').split('/')
  const uin = id !== undefined && /^\d{1,10}$/.test(id) ? Number(id) : null
  switch (kind) {
    case 'buddies':
    case 'system':
    case 'settings':
      return { kind }
    case 'chat':
    case 'profile':
      return uin === null ? { kind: 'login' } : { kind, uin }
    case 'history':
      return { kind, uin }
    default:
      return { kind: 'login' }
  }
}

/** A stable key per window: one chat window per friend, one of everything else. */
export function windowKey(route: WindowRoute): string {
  return routeToHash(route)
}
