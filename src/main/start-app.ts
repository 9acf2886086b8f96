/**
 * The composition root: the core host (the core and the embedded server, in a utility
 * process of their own), the windows, the bridge, the tray and the alerts, wired once the
 * app is ready; `stop` undoes all of it in one place. Whatever dies is brought back and
 * logged: a window's renderer reopens its window, the core host is started again.
 */
import { join } from 'node:path'
import { app, BrowserWindow, screen, session } from 'electron'
import { APP_HOST, createAppOrigin } from './security/app-origin.ts'
import { serveAppProtocol } from './app-protocol.ts'
import type { AppPaths } from './app-paths.ts'
import { applyAutostart } from './autostart.ts'
import { connectBridge } from './bridge-host.ts'
import { createCoreHostClient } from '../core/host/host-client.ts'
import { utilityHost } from './core-process.ts'
import { createDesktopAlerts } from './desktop-alerts.ts'
import { createWindowStateStore } from './windows/window-state-store.ts'
import { translatorFor } from './i18n.ts'
import { showNotification } from './notify/notifier.ts'
import { passwordKey } from './password-key.ts'
import { createSafeStorageBox } from './secret-box.ts'
import { denyPermissions, hardenContents } from './security/harden.ts'
import { followSession, showMainWindow } from './windows/session-windows.ts'
import { SOUND_CHANNEL } from '../shared/sound-names.ts'
import { createStateMirror } from './state-mirror.ts'
import { createAppTray } from './tray/tray.ts'
import { createBoundsMemory } from './windows/bounds-memory.ts'
import { createWindowManager } from './windows/window-manager.ts'
import { watchProcesses } from './watch-processes.ts'

export interface RunningApp {
  showMain(): void
  /** Logs out, stops the server, closes every window and the tray. */
  stop(): Promise<void>
}

export async function startApp(
  paths: AppPaths,
  devServerUrl: string | undefined
): Promise<RunningApp> {
  const origin = createAppOrigin(devServerUrl)
  hardenContents(app, origin.isAppUrl)
  denyPermissions(session.defaultSession)
  serveAppProtocol(APP_HOST, [
    { prefix: '/', root: paths.renderer },
    { prefix: '/sounds/', root: paths.sounds }
  ])

  const core = createCoreHostClient(
    utilityHost(
      paths.coreHost,
      ['--data', paths.profile, '--log', join(paths.logs, 'core.log')],
      passwordKey(paths.profile, createSafeStorageBox())
    )
  )
  await core.start()

  let quitting = false
  app.on('before-quit', () => {
    quitting = true
  })
  const snapshot = await core.calls.getSnapshot()
  if (!snapshot.ok) throw new Error(`the core did not start: ${snapshot.error.message}`)
  const mirror = createStateMirror(snapshot.value)
  const translator = () => translatorFor(mirror.current().settings.language, app.getLocale())

  const windows = createWindowManager({
    origin,
    preload: paths.preload,
    icon: paths.appIcon,
    bounds: createBoundsMemory(createWindowStateStore(), () =>
      screen.getAllDisplays().map((display) => display.workArea)
    ),
    hideOnClose: (route) => route.kind === 'buddies' && !quitting,
    onClosed(route) {
      // Closing the login window while logged out is closing the app.
      const state = mirror.current()
      if (route.kind === 'login' && state.session.phase === 'offline' && !quitting) app.quit()
    }
  })
  const showMain = (): void => showMainWindow(windows, mirror.current())
  const openChat = (uin: number): void => void windows.open({ kind: 'chat', uin })

  const alerts = createDesktopAlerts(mirror, {
    translator,
    now: Date.now,
    watching: (uin) => windows.find({ kind: 'chat', uin })?.isFocused() ?? false,
    playSound(name) {
      const player = windows.find({ kind: 'buddies' }) ?? BrowserWindow.getAllWindows()[0]
      player?.webContents.send(SOUND_CHANNEL, name)
    },
    notify: (text) =>
      showNotification(text, paths.appIcon, ({ chat }) =>
        chat === undefined ? windows.open({ kind: 'system' }) : openChat(chat)
      )
  })
  const stopAlerts = core.onEvent((event) => {
    alerts(event)
    mirror.apply(event)
  })
  const stopBridge = connectBridge(core, windows, origin, paths.logs)
  watchProcesses(windows)

  const tray = createAppTray(paths.icons, {
    setStatus: (status) => void core.calls.setStatus(status),
    logout: () => void core.calls.logout(),
    openChat,
    showMain,
    quit: () => app.quit()
  })
  tray.update(mirror.current(), translator())
  mirror.onChange((state, before) => {
    tray.update(state, translator())
    followSession(windows, state, before)
    if (state.settings.autostart !== before.settings.autostart) {
      void applyAutostart(app, state.settings.autostart)
    }
  })
  if (mirror.current().settings.autostart) void applyAutostart(app, true)

  windows.open({ kind: 'login' })
  return {
    showMain,
    async stop() {
      stopAlerts()
      stopBridge()
      tray.destroy()
      await core.stop()
      windows.destroyAll()
    }
  }
}
