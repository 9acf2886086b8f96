import { app } from 'electron'
import { diagnostics } from '../logging/diagnostics.ts'
import type { WindowManager } from './windows/window-manager.ts'

/**
 * A window whose renderer died (a crash, the OS killing it) opens again, and its page takes
 * its snapshot as on any start; any other child of Electron that dies is logged with why.
 * The core host restarts itself (its client sees the exit).
 */
export function watchProcesses(windows: WindowManager): void {
  app.on('render-process-gone', (_event, contents, details) => {
    const route = windows.routeOf(contents)
    diagnostics().error({ route, ...details }, 'a window’s renderer is gone')
    if (route === undefined || details.reason === 'clean-exit') return
    windows.destroy(route)
    windows.open(route)
  })
  app.on('child-process-gone', (_event, details) =>
    diagnostics().error({ ...details }, 'a child process of the app is gone')
  )
}
