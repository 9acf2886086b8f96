/**
 * The app's lifecycle: one instance (a second launch brings the first to the front), the
 * app protocol registered before ready, everything started once ready, and on quit a clean
 * logout with a time limit, so quitting never hangs on a server that does not answer.
 */
import { join } from 'node:path'
import { app } from 'electron'
import { registerAppScheme } from './app-protocol.ts'
import { resolveAppPaths, type AppPaths } from './app-paths.ts'
import { startApp, type RunningApp } from './start-app.ts'
import { diagnostics, useDiagnostics } from '../logging/diagnostics.ts'
import { createLogger } from '../logging/logger.ts'
import { rotateLog } from '../logging/rotate.ts'

const QUIT_TIMEOUT_MS = 3_000
/** The main process's log keeps this much and the one before it (logs/main.log, main.log.1). */
const LOG_MAX_BYTES = 5 * 1024 * 1024

function run(paths: AppPaths): void {
  // The app has no terminal to read: its diagnostics go to a file in the profile folder.
  const logFile = join(paths.logs, 'main.log')
  rotateLog(logFile, LOG_MAX_BYTES)
  useDiagnostics(createLogger({ file: logFile, format: 'json' }))
  // A promise nobody awaited that failed: in the log, not lost (and not a crash of the app).
  process.on('unhandledRejection', (reason) =>
    diagnostics().error({ err: reason }, 'main: unhandled rejection')
  )
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox()
  registerAppScheme()
  let running: RunningApp | undefined
  let stopped = false

  app.on('second-instance', () => running?.showMain())
  app.on('activate', () => running?.showMain())
  // Closing the last window leaves the app in the tray; quitting is the tray's or the login's.
  app.on('window-all-closed', () => undefined)
  app.on('will-quit', (event) => {
    if (stopped || running === undefined) return
    event.preventDefault()
    const limit = new Promise((resolve) => setTimeout(resolve, QUIT_TIMEOUT_MS))
    void Promise.race([running.stop(), limit])
      .catch((error: unknown) => diagnostics().error({ err: error }, 'shutdown failed'))
      .finally(() => {
        stopped = true
        app.quit()
      })
  })

  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  app
    .whenReady()
    .then(() => startApp(paths, devServerUrl))
    .then((started) => {
      running = started
    })
    .catch((error: unknown) => {
      diagnostics().fatal({ err: error }, 'the app could not start')
      app.exit(1)
    })
}

// The profile first: Electron keeps the single-instance lock in it, so two profiles
// (HTTP_QQ_PROFILE) run side by side while a second start of the same one is turned away.
const paths = resolveAppPaths(app, import.meta.dirname)
if (app.requestSingleInstanceLock()) run(paths)
else app.quit()
