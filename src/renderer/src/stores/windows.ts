import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { AccountId } from '../../../shared/account-id.ts'
import type { AppError, Result } from '../../../shared/errors.ts'
import type { WindowRoute } from '../../../shared/routes.ts'
import { bridge } from '../bridge.ts'
import { windowAccount } from '../window-account.ts'
import { linkTarget } from '../text/links.ts'

/**
 * Opening and closing windows, and links in the system browser. A window opens the windows
 * of its own account only (its chats, cards, history...), and any window the login window.
 */
export const useWindowsStore = defineStore('windows', () => {
  const qq = bridge()
  const account = windowAccount()
  const error = shallowRef<AppError | null>(null)

  async function settle(call: Promise<Result<null>>): Promise<boolean> {
    const result = await call
    error.value = result.ok ? null : result.error
    return result.ok
  }

  const open = (route: WindowRoute): Promise<boolean> => settle(qq.openWindow(route))

  /** A window of this window's account; refused in the login window, which has none. */
  function openOwn(routeFor: (own: AccountId) => WindowRoute): Promise<boolean> {
    if (account === null) {
      error.value = { code: 'NOT_LOGGED_IN', message: 'the login window has no account' }
      return Promise.resolve(false)
    }
    return open(routeFor(account))
  }

  /** Only http(s) links are ever handed on; anything else is refused here already. */
  function openLink(url: string): Promise<boolean> {
    const href = linkTarget(url)
    if (href === null) {
      error.value = { code: 'INVALID_ARGUMENT', message: 'not an http(s) link' }
      return Promise.resolve(false)
    }
    return settle(qq.openExternal(href)) // eng-disable OPEN_EXTERNAL_JS_CHECK our bridge call, not Electron's: main parses the link again and opens only http(s)
  }

  return {
    error,
    open,
    openChat: (uin: number) => openOwn((account) => ({ kind: 'chat', account, uin })),
    openProfile: (uin: number) => openOwn((account) => ({ kind: 'profile', account, uin })),
    openHistory: (uin: number | null) => openOwn((account) => ({ kind: 'history', account, uin })),
    openSystem: () => openOwn((account) => ({ kind: 'system', account })),
    openSettings: () => openOwn((account) => ({ kind: 'settings', account })),
    /** Another account's login: the login window, beside this account's windows. */
    openLogin: () => open({ kind: 'login' }),
    close: () => settle(qq.closeWindow()),
    openLink
  }
})
