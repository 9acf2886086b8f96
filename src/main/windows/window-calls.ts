import { shell, type WebContents } from 'electron'
import type { QQCalls } from '../../shared/api.ts'
import { isWebUrl } from '../../shared/api-schema.ts'
import { fail, ok } from '../../shared/errors.ts'
import type { WindowCallName } from '../../core/host/dispatch.ts'
import type { WindowManager } from './window-manager.ts'

/** The calls a window makes about windows and the desktop, acting for `sender`. */
export function createWindowCalls(
  windows: WindowManager,
  sender: WebContents,
  logs: string
): Pick<QQCalls, WindowCallName> {
  return {
    async openWindow(route) {
      windows.open(route)
      return ok(null)
    },
    async closeWindow() {
      const route = windows.routeOf(sender)
      if (route === undefined) return fail('NOT_FOUND', 'closeWindow: the caller is not a window')
      windows.find(route)?.close()
      return ok(null)
    },
    async openExternal(url) {
      // Checked again here, not only by the schema: this is the one way out to the OS.
      if (!isWebUrl(url)) return fail('INVALID_ARGUMENT', 'openExternal: only http(s) links')
      await shell.openExternal(new URL(url).href) // eng-disable OPEN_EXTERNAL_JS_CHECK the URL was parsed and must be http(s), checked on the line above
      return ok(null)
    },
    getLogFolder: async () => ok({ path: logs, canOpen: true }),
    async openLogFolder() {
      // shell.openPath answers with an error text, or '' when the folder opened.
      const problem = await shell.openPath(logs)
      return problem === '' ? ok(null) : fail('NOT_FOUND', `the log folder: ${problem}`)
    }
  }
}
