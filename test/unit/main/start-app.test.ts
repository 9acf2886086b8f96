import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callChannel, EVENT_CHANNEL, type QQCallName } from '../../../src/shared/api.ts'
import type { Result } from '../../../src/shared/errors.ts'
import type { CoreEvent, LoginOptions } from '../../../src/shared/model.ts'
import { startApp, type RunningApp } from '../../../src/main/start-app.ts'
import {
  app,
  BrowserWindow,
  ipcMain,
  MockEvent,
  MockUtilityProcess,
  protocol,
  resetElectronMock,
  Tray
} from '../../mocks/electron.ts'

const profile = mkdtempSync(join(tmpdir(), 'http-qq-app-'))
let running: RunningApp

const windowAt = (hash: string): BrowserWindow | undefined =>
  BrowserWindow.getAllWindows().find((window) => window.webContents.getURL().endsWith(hash))

function call<T>(window: BrowserWindow, name: QQCallName, ...args: unknown[]): Promise<Result<T>> {
  const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
  return ipcMain.invoke(callChannel(name), event, ...args) as Promise<Result<T>>
}

const trayIcon = (): string => ((Tray.all[0] as Tray).image as { path: string }).path

beforeAll(async () => {
  resetElectronMock()
  running = await startApp(
    {
      preload: '/app/out/preload/index.cjs',
      renderer: join(profile, 'renderer'),
      icons: '/app/resources/icons',
      sounds: '/app/resources/sounds',
      appIcon: '/app/resources/icons/app.png',
      coreHost: join(import.meta.dirname, '../../../src/core/host/host-main.ts'),
      profile,
      logs: join(profile, 'logs')
    },
    undefined
  )
})
afterAll(async () => {
  await running?.stop()
  rmSync(profile, { recursive: true, force: true })
})

describe('the app, wired together', () => {
  it('starts with the app protocol, a tray showing offline, and the login window', () => {
    expect([...protocol.handlers.keys()]).toEqual(['app'])
    expect(trayIcon()).toBe('/app/resources/icons/tray-offline.png')
    expect(BrowserWindow.getAllWindows().map((window) => window.webContents.getURL())).toEqual([
      'app://qq/index.html#/login'
    ])
  })

  it('logs in with a demo account of the embedded server and swaps in the buddy list', async () => {
    const login = windowAt('#/login') as BrowserWindow
    const options = await call<LoginOptions>(login, 'getLoginOptions')
    if (!options.ok) throw new Error(options.error.message)
    expect(options.value.embedded).toBe(true)
    const [demo] = options.value.demoAccounts
    if (demo === undefined) throw new Error('no demo account')
    const me = await call(login, 'login', {
      uin: demo.uin,
      password: '',
      status: 10,
      rememberPassword: false,
      autoLogin: false,
      server: ''
    })
    expect(me).toMatchObject({ ok: true, value: { uin: demo.uin } })
    await expect.poll(() => windowAt('#/buddies') !== undefined).toBe(true)
    expect(login.isDestroyed()).toBe(true)
    expect(trayIcon()).toBe('/app/resources/icons/tray-online.png')
    const buddies = windowAt('#/buddies') as BrowserWindow
    await expect
      .poll(() =>
        buddies.webContents.sent.some(
          ({ channel, payload }) =>
            channel === EVENT_CHANNEL && (payload as CoreEvent).type === 'friends'
        )
      )
      .toBe(true)
  })

  it('starts the core host again when it is killed, and the buddy list gets its state again', async () => {
    const [host] = MockUtilityProcess.all
    if (host?.pid === undefined) throw new Error('no core host')
    expect(host.modulePath).toMatch(/host-main\.ts$/)
    const buddies = windowAt('#/buddies') as BrowserWindow
    const sent = buddies.webContents.sent.length
    const friendsSent = (): boolean =>
      buddies.webContents.sent
        .slice(sent)
        .some(
          ({ channel, payload }) =>
            channel === EVENT_CHANNEL && (payload as CoreEvent).type === 'friends'
        )
    process.kill(host.pid, 'SIGKILL')
    await expect.poll(() => MockUtilityProcess.all.length, { timeout: 20_000 }).toBe(2)
    await expect.poll(friendsSent, { timeout: 20_000 }).toBe(true)
    expect(buddies.isDestroyed()).toBe(false)
    expect(await call(buddies, 'getSnapshot')).toMatchObject({
      ok: true,
      value: { session: { phase: 'online' } }
    })
  }, 30_000)

  it('opens a window again when its renderer is gone', () => {
    const buddies = windowAt('#/buddies') as BrowserWindow
    app.emit('render-process-gone', new MockEvent(), buddies.webContents, {
      reason: 'crashed',
      exitCode: 139
    })
    expect(buddies.isDestroyed()).toBe(true)
    expect(windowAt('#/buddies')).toBeDefined()
  })

  it('closes the buddy list to the tray, and logging out brings the login window back', async () => {
    const buddies = windowAt('#/buddies') as BrowserWindow
    buddies.close()
    expect(buddies.isDestroyed()).toBe(false)
    running.showMain()
    expect(buddies.isVisible()).toBe(true)
    expect(await call(buddies, 'logout')).toEqual({ ok: true, value: null })
    await expect.poll(() => windowAt('#/login') !== undefined).toBe(true)
    expect(buddies.isDestroyed()).toBe(true)
    expect(trayIcon()).toBe('/app/resources/icons/tray-offline.png')
  })

  it('quits when the login window is closed while logged out', () => {
    expect(app.quitCalls).toBe(0)
    ;(windowAt('#/login') as BrowserWindow).close()
    expect(app.quitCalls).toBe(1)
  })
})
