import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EVENT_CHANNEL } from '../../../src/shared/api.ts'
import type { AccountEvent, LoginOptions, SignedIn, Snapshot } from '../../../src/shared/model.ts'
import { startApp, type RunningApp } from '../../../src/main/start-app.ts'
import {
  app,
  BrowserWindow,
  MockEvent,
  MockUtilityProcess,
  protocol,
  resetElectronMock,
  Tray
} from '../../mocks/electron.ts'
import { appPaths, buddiesOf, call, windowAt } from './whole-app.ts'

const profile = mkdtempSync(join(tmpdir(), 'http-qq-app-'))
let running: RunningApp

const accounts: SignedIn[] = []

const trayIcon = (): string => ((Tray.all[0] as Tray).image as { path: string }).path
const trayLabels = (): (string | undefined)[] =>
  (Tray.all[0] as Tray).menu?.items.map((item) => item.label) ?? []

const eventSent = (window: BrowserWindow, type: string, from = 0): boolean =>
  window.webContents.sent
    .slice(from)
    .some(
      ({ channel, payload }) =>
        channel === EVENT_CHANNEL && (payload as AccountEvent).event.type === type
    )

/** Logs a demo account of the embedded server in from the login window. */
async function logInDemo(index: number): Promise<SignedIn> {
  const login = windowAt('#/login') as BrowserWindow
  const options = await call<LoginOptions>(login, 'getLoginOptions')
  if (!options.ok) throw new Error(options.error.message)
  expect(options.value.embedded).toBe(true)
  const demo = options.value.demoAccounts[index]
  if (demo === undefined) throw new Error('no demo account')
  const result = await call<SignedIn>(login, 'login', {
    uin: demo.uin,
    password: '',
    status: 10,
    rememberPassword: false,
    autoLogin: false,
    server: ''
  })
  if (!result.ok) throw new Error(result.error.message)
  expect(result.value.me.uin).toBe(demo.uin)
  accounts.push(result.value)
  return result.value
}

beforeAll(async () => {
  resetElectronMock()
  running = await startApp(appPaths(profile), undefined)
})
afterAll(async () => {
  await running?.stop()
  rmSync(profile, { recursive: true, force: true })
})

describe('the app, wired together', () => {
  it('starts with the app protocol, a tray showing offline, and the login window', async () => {
    expect([...protocol.handlers.keys()]).toEqual(['app'])
    expect(trayIcon()).toBe('/app/resources/icons/tray-offline.png')
    // The login window waits for the automatic logins (none here).
    await expect.poll(() => windowAt('#/login') !== undefined).toBe(true)
    expect(BrowserWindow.getAllWindows().map((window) => window.webContents.getURL())).toEqual([
      'app://qq/index.html#/login'
    ])
  })

  it('logs in with a demo account of the embedded server and swaps in its buddy list', async () => {
    const login = windowAt('#/login') as BrowserWindow
    const alice = await logInDemo(0)
    await expect.poll(() => buddiesOf(alice) !== undefined).toBe(true)
    expect(login.isDestroyed()).toBe(true)
    await expect.poll(trayIcon).toBe('/app/resources/icons/tray-online.png')
    const buddies = buddiesOf(alice) as BrowserWindow
    await expect.poll(() => eventSent(buddies, 'friends')).toBe(true)
    await expect.poll(() => buddies.getTitle()).toContain(`${alice.me.nick} (${alice.me.uin})`)
  })

  it('adds a second account from the tray: its own buddy list, beside the first', async () => {
    const [alice] = accounts as [SignedIn]
    ;(Tray.all[0] as Tray).menu?.items.find((item) => item.label === 'Add account…')?.click?.()
    expect(windowAt('#/login')).toBeDefined()
    const bob = await logInDemo(1)
    await expect.poll(() => buddiesOf(bob) !== undefined).toBe(true)
    expect(windowAt('#/login')).toBeUndefined()
    const [first, second] = [buddiesOf(alice), buddiesOf(bob)] as [BrowserWindow, BrowserWindow]
    const apart =
      second.bounds.x + second.bounds.width <= first.bounds.x ||
      first.bounds.x + first.bounds.width <= second.bounds.x
    expect(apart).toBe(true)
    await expect
      .poll(trayLabels)
      .toEqual([
        `${alice.me.nick} (${alice.me.uin})`,
        `${bob.me.nick} (${bob.me.uin})`,
        undefined,
        'Add account…',
        'Open QQ',
        'Quit'
      ])
  })

  it('lets a window act only for its own account', async () => {
    const [alice, bob] = accounts as [SignedIn, SignedIn]
    const alices = buddiesOf(alice) as BrowserWindow
    expect(await call(alices, 'getSnapshot', bob.account)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(await call(alices, 'getSnapshot', alice.account)).toMatchObject({
      ok: true,
      value: { me: { uin: alice.me.uin } }
    })
  })

  it('starts the core host again when it is killed, and the buddy lists get their state again', async () => {
    const [host] = MockUtilityProcess.all
    if (host?.pid === undefined) throw new Error('no core host')
    expect(host.modulePath).toMatch(/host-main\.ts$/)
    const lists = accounts.map((account) => buddiesOf(account) as BrowserWindow)
    const sent = lists.map((list) => list.webContents.sent.length)
    process.kill(host.pid, 'SIGKILL')
    await expect.poll(() => MockUtilityProcess.all.length, { timeout: 20_000 }).toBe(2)
    // Every account is signed in again, each list told (a call while the host is down or
    // still signing them in fails, so this asks until the restart is through).
    const online = async (list: BrowserWindow, account: SignedIn): Promise<boolean> => {
      const snapshot = await call(list, 'getSnapshot', account.account)
      return snapshot.ok && (snapshot.value as Snapshot).session.phase === 'online'
    }
    for (const [index, account] of accounts.entries()) {
      const list = lists[index] as BrowserWindow
      await expect.poll(() => online(list, account), { timeout: 20_000 }).toBe(true)
      await expect
        .poll(() => eventSent(list, 'friends', sent[index] ?? 0), { timeout: 20_000 })
        .toBe(true)
      expect(list.isDestroyed()).toBe(false)
    }
  }, 45_000)

  it('opens a window again when its renderer is gone', () => {
    const [alice] = accounts as [SignedIn]
    const buddies = buddiesOf(alice) as BrowserWindow
    app.emit('render-process-gone', new MockEvent(), buddies.webContents, {
      reason: 'crashed',
      exitCode: 139
    })
    expect(buddies.isDestroyed()).toBe(true)
    expect(buddiesOf(alice)).toBeDefined()
  })

  it('closes an account’s windows when it logs out, and keeps the other’s', async () => {
    const [alice, bob] = accounts as [SignedIn, SignedIn]
    const bobs = buddiesOf(bob) as BrowserWindow
    expect(await call(bobs, 'openWindow', { kind: 'system', account: bob.account })).toEqual({
      ok: true,
      value: null
    })
    const system = windowAt(`#/${encodeURIComponent(bob.account)}/system`) as BrowserWindow
    expect(await call(bobs, 'logout', bob.account)).toEqual({ ok: true, value: null })
    await expect.poll(() => bobs.isDestroyed()).toBe(true)
    expect(system.isDestroyed()).toBe(true)
    expect(buddiesOf(alice)?.isDestroyed()).toBe(false)
    expect(windowAt('#/login')).toBeUndefined()
  })

  it('closes the buddy list to the tray, and logging the last account out brings the login window back', async () => {
    const [alice] = accounts as [SignedIn]
    const buddies = buddiesOf(alice) as BrowserWindow
    buddies.close()
    expect(buddies.isDestroyed()).toBe(false)
    running.showMain()
    expect(buddies.isVisible()).toBe(true)
    expect(await call(buddies, 'logout', alice.account)).toEqual({ ok: true, value: null })
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
