import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { AppError, Result } from '../../../shared/errors.ts'
import type { WindowRoute } from '../../../shared/routes.ts'
import { bridge } from '../bridge.ts'
import { linkTarget } from '../text/links.ts'

/** Opening and closing windows, and links in the system browser. */
export const useWindowsStore = defineStore('windows', () => {
  const error = shallowRef<AppError | null>(null)

  async function settle(call: Promise<Result<null>>): Promise<boolean> {
    const result = await call
    error.value = result.ok ? null : result.error
    return result.ok
  }

  const open = (route: WindowRoute): Promise<boolean> => settle(bridge().openWindow(route))

  /** Only http(s) links are ever handed on; anything else is refused here already. */
  function openLink(url: string): Promise<boolean> {
    const href = linkTarget(url)
    if (href === null) {
      error.value = { code: 'INVALID_ARGUMENT', message: 'not an http(s) link' }
      return Promise.resolve(false)
    }
    return settle(bridge().openExternal(href)) // eng-disable OPEN_EXTERNAL_JS_CHECK our bridge call, not Electron's: main parses the link again and opens only http(s)
  }

  return {
    error,
    open,
    openChat: (uin: number) => open({ kind: 'chat', uin }),
    openProfile: (uin: number) => open({ kind: 'profile', uin }),
    openHistory: (uin: number | null) => open({ kind: 'history', uin }),
    close: () => settle(bridge().closeWindow()),
    openLink
  }
})
