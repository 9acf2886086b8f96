import { routeToHash, type WindowRoute } from '../../shared/routes.ts'

export const APP_SCHEME = 'app'
export const APP_HOST = 'qq'

/**
 * Where the windows' pages come from: the app protocol, or the dev server under
 * `electron-vite dev`. Only pages from here may use the bridge or stay loaded.
 */
export interface AppOrigin {
  /** The page of a window's route. */
  pageUrl(route: WindowRoute): string
  /** True when `url` is one of our pages (any route). */
  isAppUrl(url: string): boolean
}

export function createAppOrigin(devServerUrl?: string): AppOrigin {
  const base =
    devServerUrl === undefined ? `${APP_SCHEME}://${APP_HOST}/` : new URL(devServerUrl).href
  const expected = new URL(base)
  return {
    pageUrl: (route) => `${base}${base.endsWith('/') ? '' : '/'}index.html${routeToHash(route)}`,
    isAppUrl(url) {
      if (!URL.canParse(url)) return false
      const parsed = new URL(url)
      // Compared part by part: Node's URL gives custom schemes an opaque ("null") origin.
      return (
        parsed.protocol === expected.protocol &&
        parsed.host === expected.host &&
        parsed.username === '' &&
        parsed.password === ''
      )
    }
  }
}
