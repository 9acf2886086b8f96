/**
 * The composition root: the core host (the core and the embedded server, in a utility
 * process of their own), the windows, the bridge, the tray and the alerts, wired once the
 * app is ready; then the accounts marked for it log in by themselves, each with its buddy
 * list, or the login window opens. `stop` undoes all of it in one place. Whatever dies is
 * brought back and logged: a window's renderer reopens its window, the core host is started
 * again.
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
import { followAccounts, openAccount, showMainWindow } from './windows/session-windows.ts'
import { windowTitle } from './windows/window-title.ts'
import { autoLogin } from './auto-login.ts'
import { diagnostics } from '../logging/diagnostics.ts'
import type { AccountId } from '../shared/account-id.ts'
import type { SignedIn } from '../shared/model.ts'
import { routeAccount } from '../shared/routes.ts'
import { SOUND_CHANNEL } from '../shared/sound-names.ts'
import { createStateMirror } from './state-mirror.ts'
import { createAppTray } from './tray/tray.ts'
import { createBoundsMemory } from './windows/bounds-memory.ts'
import { createWindowManager } from './windows/window-manager.ts'
import { watchProcesses } from './watch-processes.ts'

export interface RunningApp {
  showMain(): void
  /** Logs every account out, stops the server, closes every window and the tray. */
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
  const appSettings = await core.calls.getSettings(null)
  if (!appSettings.ok) throw new Error(`the core did not start: ${appSettings.error.message}`)
  const mirror = createStateMirror(appSettings.value)
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
      // Closing the login window while no account is in is closing the app.
      const alone = mirror.current().accounts.size === 0 && windows.routes().length === 0
      if (route.kind === 'login' && alone && !quitting) app.quit()
    },
    title(route, pageTitle) {
      const account = routeAccount(route)
      const owner = account === null ? undefined : mirror.current().accounts.get(account)?.me
      return windowTitle(route, pageTitle, owner, translator())
    }
  })
  const showMain = (): void => showMainWindow(windows, mirror.current())
  const openChat = (account: AccountId, uin: number): void =>
    void windows.open({ kind: 'chat', account, uin })
  const openSignedIn = (who: SignedIn): void => openAccount(windows, who.account)

  const alerts = createDesktopAlerts(mirror, {
    translator,
    now: Date.now,
    watching: (account, uin) => windows.find({ kind: 'chat', account, uin })?.isFocused() ?? false,
    playSound(name) {
      const player = BrowserWindow.getAllWindows()[0]
      player?.webContents.send(SOUND_CHANNEL, name)
    },
    notify: (text, account) =>
      showNotification(text, paths.appIcon, ({ chat }) =>
        chat === undefined ? windows.open({ kind: 'system', account }) : openChat(account, chat)
      )
  })
  const stopAlerts = core.onEvent((event) => {
    alerts(event)
    mirror.apply(event)
    // Signed out by the server or the network: the login window says why, number filled in.
    if (event.event.type === 'account-closed' && event.event.reason !== undefined) {
      windows.open({ kind: 'login' })
    }
  })
  const stopBridge = connectBridge(core, windows, {
    origin,
    logs: paths.logs,
    onSignedIn: openSignedIn
  })
  watchProcesses(windows)

  const tray = createAppTray(paths.icons, {
    setStatus: (account, status) => void core.calls.setStatus(account, status),
    logout: (account) => void core.calls.logout(account),
    openChat,
    addAccount: () => void windows.open({ kind: 'login' }),
    showMain,
    quit: () => app.quit()
  })
  tray.update(mirror.current(), translator())
  mirror.onChange((state, before) => {
    tray.update(state, translator())
    followAccounts(windows, state, before)
    const renamed = [...state.accounts].some(([id, now]) => before.accounts.get(id)?.me !== now.me)
    if (renamed || state.settings.language !== before.settings.language) windows.retitle()
    // A new account's state (its friends, their unread counts, its settings) in one go.
    for (const account of state.accounts.keys()) {
      if (before.accounts.has(account)) continue
      void core.calls.getSnapshot(account).then((snapshot) => {
        if (snapshot.ok) mirror.load(account, snapshot.value)
      })
    }
    if (state.settings.autostart !== before.settings.autostart) {
      void applyAutostart(app, state.settings.autostart)
    }
  })
  if (mirror.current().settings.autostart) void applyAutostart(app, true)

  // The login window waits for the automatic logins: it would offer to log them in again.
  // It opens when one of them failed, so that the person sees it and can try again.
  void autoLogin(core.calls, openSignedIn)
    .catch((error: unknown) => {
      diagnostics().error({ err: error }, 'the automatic logins failed')
      return { signedIn: 0, failed: 1 }
    })
    .then(({ failed }) => {
      if (failed > 0 || mirror.current().accounts.size === 0) windows.open({ kind: 'login' })
    })
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
