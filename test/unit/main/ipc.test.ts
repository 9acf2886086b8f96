import { beforeEach, describe, expect, it, vi } from 'vitest'
import { diagnostics } from '../../../src/logging/diagnostics.ts'
import { CALL_NAMES, callChannel, EVENT_CHANNEL, type QQCallName } from '../../../src/shared/api.ts'
import { CodedError, ok, type Result } from '../../../src/shared/errors.ts'
import type { AccountEvent, SignedIn } from '../../../src/shared/model.ts'
import type { WindowRoute } from '../../../src/shared/routes.ts'
import type { CoreCalls } from '../../../src/core/host/dispatch.ts'
import type { BridgeCore } from '../../../src/core/host/bridge-core.ts'
import { connectBridge } from '../../../src/main/bridge-host.ts'
import { createAppOrigin } from '../../../src/main/security/app-origin.ts'
import { createBoundsMemory } from '../../../src/main/windows/bounds-memory.ts'
import { createWindowManager } from '../../../src/main/windows/window-manager.ts'
import {
  BrowserWindow,
  ipcMain,
  MockFrame,
  resetElectronMock,
  shell,
  type MockInvokeEvent
} from '../../mocks/electron.ts'
import { account, signedIn } from './fixtures.ts'

const ALICE = account(10001)
const BOB = account(10002)

const WINDOW_CALLS = new Set<QQCallName>([
  'openWindow',
  'closeWindow',
  'openExternal',
  'getLogFolder',
  'openLogFolder'
])

/** A core that records what reached it; `behaviour` lets a test make a call throw. */
function recordingCore() {
  const received: { name: string; args: unknown[] }[] = []
  const listeners = new Set<(event: AccountEvent) => void>()
  const behaviour = new Map<string, () => never>()
  const calls = Object.fromEntries(
    CALL_NAMES.filter((name) => !WINDOW_CALLS.has(name)).map((name) => [
      name,
      async (...args: unknown[]): Promise<Result<unknown>> => {
        received.push({ name, args })
        behaviour.get(name)?.()
        return name === 'login' ? ok(signedIn(10001, 'Alice')) : ok({ name, args })
      }
    ])
  ) as unknown as CoreCalls
  const core: BridgeCore = {
    calls,
    onEvent(handler) {
      listeners.add(handler)
      return () => listeners.delete(handler)
    }
  }
  const emit = (event: AccountEvent): void => listeners.forEach((listener) => listener(event))
  return { core, received, behaviour, emit }
}

function setup() {
  const origin = createAppOrigin()
  const memory = new Map<string, unknown>()
  const windows = createWindowManager({
    origin,
    preload: '/app/preload/index.cjs',
    icon: '/app/icon.png',
    bounds: createBoundsMemory(
      { get: (key) => memory.get(key), set: (key, value) => memory.set(key, value) },
      () => [{ x: 0, y: 0, width: 1920, height: 1080 }]
    ),
    hideOnClose: (route) => route.kind === 'buddies',
    onClosed: () => undefined,
    title: () => 'QQ'
  })
  const recording = recordingCore()
  const signedInSeen: SignedIn[] = []
  const stop = connectBridge(recording.core, windows, {
    origin,
    logs: '/profile/logs',
    onSignedIn: (who) => signedInSeen.push(who)
  })
  // What the manager returns is typed as Electron's window; here it is the mock's.
  const open = (route: WindowRoute): BrowserWindow =>
    windows.open(route) as unknown as BrowserWindow
  const fromTopFrame = (window: BrowserWindow): MockInvokeEvent => ({
    sender: window.webContents,
    senderFrame: window.webContents.mainFrame
  })
  const call = (event: MockInvokeEvent, name: QQCallName, ...args: unknown[]) =>
    ipcMain.invoke(callChannel(name), event, ...args) as Promise<Result<unknown>>
  return { windows, open, stop, call, fromTopFrame, signedInSeen, ...recording }
}

const codeOf = (result: Result<unknown>): string | undefined =>
  result.ok ? undefined : result.error.code

const LOGIN = {
  uin: 10001,
  password: 'secret',
  status: 10,
  rememberPassword: false,
  autoLogin: false,
  server: ''
}

beforeEach(() => resetElectronMock())

describe('the IPC bridge', () => {
  it('registers one handler per call of the contract', () => {
    setup()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort())
  })

  it('answers our window and passes the checked arguments to the core', async () => {
    const { open, call, fromTopFrame, received } = setup()
    const buddies = open({ kind: 'buddies', account: ALICE })
    const result = await call(fromTopFrame(buddies), 'getProfile', ALICE, 20001, true)
    expect(result).toEqual(ok({ name: 'getProfile', args: [ALICE, 20001, true] }))
    await call(fromTopFrame(buddies), 'createGroup', ALICE, '  Classmates  ')
    expect(received).toEqual([
      { name: 'getProfile', args: [ALICE, 20001, true] },
      { name: 'createGroup', args: [ALICE, 'Classmates'] }
    ])
  })

  it('passes a page of everyone’s history (no friend named) to the core', async () => {
    const { open, call, fromTopFrame, received } = setup()
    const history = fromTopFrame(open({ kind: 'history', account: ALICE, uin: null }))
    expect((await call(history, 'getHistory', ALICE, null, 'm1', 100)).ok).toBe(true)
    expect(received).toEqual([{ name: 'getHistory', args: [ALICE, null, 'm1', 100] }])
  })

  describe('lets a window act only for its own account', () => {
    it('refuses a call naming another signed-in account with FORBIDDEN', async () => {
      const { open, call, fromTopFrame, received, windows } = setup()
      open({ kind: 'buddies', account: BOB })
      const alices = fromTopFrame(open({ kind: 'chat', account: ALICE, uin: 20001 }))
      const refused: [QQCallName, unknown[]][] = [
        ['sendMessage', [BOB, 20001, 'hi']],
        ['getSnapshot', [BOB]],
        ['logout', [BOB]],
        ['getSettings', [BOB]],
        ['updateSettings', [BOB, { sounds: false }]],
        ['getHistory', [BOB, null, null, 10]],
        ['openWindow', [{ kind: 'chat', account: BOB, uin: 20001 }]]
      ]
      for (const [name, args] of refused) {
        const result = await call(alices, name, ...args)
        expect(codeOf(result), name).toBe('FORBIDDEN')
      }
      // Not an account id at all: the schemas refuse it, saying what is wrong.
      expect(codeOf(await call(alices, 'markRead', '10001@built-in ', 20001))).toBe(
        'INVALID_ARGUMENT'
      )
      expect(received).toEqual([])
      expect(windows.routes()).toHaveLength(2)
    })

    it('lets it name its own account, or none (the app’s settings, the login options)', async () => {
      const { open, call, fromTopFrame, received, windows } = setup()
      const settings = fromTopFrame(open({ kind: 'settings', account: ALICE }))
      expect((await call(settings, 'getSettings', null)).ok).toBe(true)
      expect((await call(settings, 'updateSettings', ALICE, { sounds: false })).ok).toBe(true)
      expect((await call(settings, 'getLoginOptions')).ok).toBe(true)
      expect(await call(settings, 'openWindow', { kind: 'system', account: ALICE })).toEqual(
        ok(null)
      )
      // Adding an account: the buddy list's menu opens the login window.
      expect(await call(settings, 'openWindow', { kind: 'login' })).toEqual(ok(null))
      expect(received.map(({ name }) => name)).toEqual([
        'getSettings',
        'updateSettings',
        'getLoginOptions'
      ])
      expect(windows.routes().map((route) => route.kind)).toEqual(['settings', 'system', 'login'])
    })

    it('lets the login window, which has no account, make only its own few calls', async () => {
      const { open, call, fromTopFrame, received, windows } = setup()
      const login = fromTopFrame(open({ kind: 'login' }))
      for (const [name, args] of [
        ['getSnapshot', [ALICE]],
        ['sendMessage', [ALICE, 20001, 'hi']],
        ['logout', [ALICE]],
        ['getSettings', [ALICE]],
        ['updateSettings', [ALICE, { theme: 'dark' }]]
      ] as [QQCallName, unknown[]][]) {
        expect(codeOf(await call(login, name, ...args)), name).toBe('FORBIDDEN')
      }
      expect(received).toEqual([])
      expect((await call(login, 'getLoginOptions')).ok).toBe(true)
      expect((await call(login, 'getSettings', null)).ok).toBe(true)
      expect((await call(login, 'updateSettings', null, { theme: 'dark' })).ok).toBe(true)
      expect(await call(login, 'login', LOGIN)).toEqual(ok(signedIn(10001, 'Alice')))
      expect(windows.routes()).toEqual([{ kind: 'login' }])
    })
  })

  it('tells the app of each login that worked, and of none that failed', async () => {
    const { open, call, fromTopFrame, behaviour, signedInSeen } = setup()
    const login = fromTopFrame(open({ kind: 'login' }))
    await call(login, 'login', LOGIN)
    behaviour.set('login', () => {
      throw new CodedError('ALREADY_SIGNED_IN', '10001 is signed in already')
    })
    expect(codeOf(await call(login, 'login', LOGIN))).toBe('ALREADY_SIGNED_IN')
    expect(signedInSeen).toEqual([signedIn(10001, 'Alice')])
  })

  describe('refuses senders that are not our windows’ top frames with FORBIDDEN', () => {
    const cases: [string, (window: BrowserWindow) => MockInvokeEvent][] = [
      [
        'an iframe of our page',
        (window) => ({
          sender: window.webContents,
          senderFrame: new MockFrame('app://qq/index.html', window.webContents.mainFrame)
        })
      ],
      ['a frame that is gone', (window) => ({ sender: window.webContents, senderFrame: null })],
      [
        'our window after it navigated away',
        (window) => {
          window.webContents.mainFrame.url = 'https://evil.example/index.html#/buddies'
          return { sender: window.webContents, senderFrame: window.webContents.mainFrame }
        }
      ],
      [
        'our window on another host of our scheme',
        (window) => {
          window.webContents.mainFrame.url = 'app://other/index.html'
          return { sender: window.webContents, senderFrame: window.webContents.mainFrame }
        }
      ],
      [
        'a window the app did not open',
        () => {
          const stranger = new BrowserWindow({})
          stranger.webContents.mainFrame.url = 'app://qq/index.html#/10001%40built-in/buddies'
          return { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame }
        }
      ]
    ]
    it.each(cases)('%s', async (_name, makeEvent) => {
      const { open, call, received } = setup()
      const event = makeEvent(open({ kind: 'buddies', account: ALICE }))
      for (const name of ['getSnapshot', 'logout', 'openExternal'] as const) {
        const args = name === 'openExternal' ? ['https://example.com/'] : [ALICE]
        expect(codeOf(await call(event, name, ...args))).toBe('FORBIDDEN')
      }
      expect(received).toEqual([])
      expect(shell.opened).toEqual([])
    })
  })

  describe('refuses bad arguments with INVALID_ARGUMENT before they reach anything', () => {
    const cases: [QQCallName, unknown[]][] = [
      ['getSnapshot', [ALICE, 'unexpected']],
      ['login', [{ ...LOGIN, uin: '10001' }]],
      ['login', [{ ...LOGIN, uin: 0 }]],
      ['login', [{ ...LOGIN, extra: true }]],
      ['login', [{ ...LOGIN, password: 'x'.repeat(129) }]],
      ['login', [{ ...LOGIN, server: 'example.com:8000\r\nHost: evil' }]],
      ['login', [{ ...LOGIN, server: 'x'.repeat(301) }]],
      ['login', [{ ...LOGIN, fingerprint: 'AB'.repeat(31) }]],
      ['login', [{ ...LOGIN, fingerprint: 'XY'.repeat(32) }]],
      ['login', [{ ...LOGIN, fingerprint: 'AB-'.repeat(31) + 'AB' }]],
      ['login', [null]],
      ['setStatus', [ALICE, 15]],
      ['getProfile', [ALICE, 10001]],
      ['getProfile', [ALICE, 10001, true, 'extra']],
      ['getProfile', [ALICE, Number.NaN, true]],
      ['getProfile', [ALICE, 10001.5, true]],
      ['getProfile', [ALICE, 2 ** 32, true]],
      ['addFriend', [ALICE, 10001, 'x'.repeat(201)]],
      ['answerRequest', [ALICE, 10001, 'yes', '']],
      ['sendMessage', [ALICE, 10001, '']],
      ['sendMessage', [ALICE, 10001, 'x'.repeat(10_001)]],
      ['sendMessage', [ALICE, '10001', 'hi']],
      ['createGroup', [ALICE, '   ']],
      ['renameGroup', [ALICE, '', 'name']],
      ['getHistory', [ALICE, 10001, null, 0]],
      ['getHistory', [ALICE, 10001, null, 501]],
      ['searchHistory', [ALICE, '', null]],
      ['updateSettings', [ALICE, { theme: 'pink' }]],
      ['updateSettings', [ALICE, { notifications: 'full', unknownKey: 1 }]],
      ['updateSettings', [ALICE, JSON.parse('{"__proto__": {"polluted": true}}')]],
      ['updateSettings', [ALICE, { pollIntervalMs: 10 }]],
      ['openWindow', [{ kind: 'chat', account: ALICE }]],
      ['openWindow', [{ kind: 'devtools', account: ALICE }]],
      ['openWindow', [{ kind: 'chat', account: ALICE, uin: 10001, url: 'https://evil.example/' }]],
      ['openWindow', [{ kind: 'login', account: ALICE }]],
      ['openExternal', ['javascript:alert(1)']],
      ['openExternal', ['file:///etc/passwd']],
      ['openExternal', ['not a url']],
      ['openExternal', ['https://example.com/' + 'x'.repeat(2048)]]
    ]
    it.each(cases)('%s %j', async (name, args) => {
      const { windows, open, call, fromTopFrame, received } = setup()
      open({ kind: 'buddies', account: ALICE })
      const window =
        name === 'login' ? open({ kind: 'login' }) : open({ kind: 'settings', account: ALICE })
      const result = await call(fromTopFrame(window), name, ...args)
      expect(codeOf(result)).toBe('INVALID_ARGUMENT')
      expect(result.ok ? '' : result.error.message).toContain(name)
      expect(received).toEqual([])
      expect(shell.opened).toEqual([])
      expect(windows.routes()).toHaveLength(2)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  })

  it('passes an accepted fingerprint on in its one form: upper-case hex pairs', async () => {
    const { open, call, fromTopFrame, received } = setup()
    const event = fromTopFrame(open({ kind: 'login' }))
    const pairs = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0'))
    await call(event, 'login', { ...LOGIN, fingerprint: pairs.join('') })
    await call(event, 'login', { ...LOGIN, fingerprint: pairs.join(':') })
    const upper = pairs.join(':').toUpperCase()
    expect(received.map(({ args }) => (args[0] as { fingerprint: string }).fingerprint)).toEqual([
      upper,
      upper
    ])
  })

  it('carries the fingerprint of a refused certificate to the window, for it to ask', async () => {
    const { open, call, fromTopFrame, behaviour } = setup()
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':')
    behaviour.set('login', () => {
      throw new CodedError('UNTRUSTED_CERTIFICATE', 'no authority vouches for it', { fingerprint })
    })
    const result = await call(fromTopFrame(open({ kind: 'login' })), 'login', LOGIN)
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNTRUSTED_CERTIFICATE', message: 'no authority vouches for it', fingerprint }
    })
  })

  it('turns what the core throws into results: its code, or INTERNAL for a bug', async () => {
    const { open, call, fromTopFrame, behaviour } = setup()
    const event = fromTopFrame(open({ kind: 'buddies', account: ALICE }))
    behaviour.set('logout', () => {
      throw new CodedError('NOT_LOGGED_IN', 'not signed in')
    })
    behaviour.set('getSnapshot', () => {
      throw new TypeError('a bug')
    })
    expect(codeOf(await call(event, 'logout', ALICE))).toBe('NOT_LOGGED_IN')
    const logged = vi.spyOn(diagnostics(), 'error').mockImplementation(() => undefined)
    try {
      expect(codeOf(await call(event, 'getSnapshot', ALICE))).toBe('INTERNAL')
      expect(logged).toHaveBeenCalledOnce()
    } finally {
      logged.mockRestore()
    }
  })

  it('opens one window per route key and closes the caller', async () => {
    const { windows, open, call, fromTopFrame } = setup()
    const buddies = open({ kind: 'buddies', account: ALICE })
    const chat: WindowRoute = { kind: 'chat', account: ALICE, uin: 10002 }
    expect(await call(fromTopFrame(buddies), 'openWindow', chat)).toEqual(ok(null))
    expect(await call(fromTopFrame(buddies), 'openWindow', chat)).toEqual(ok(null))
    expect(windows.routes()).toEqual([{ kind: 'buddies', account: ALICE }, chat])
    const chatWindow = open(chat)
    expect(chatWindow.webContents.getURL()).toBe('app://qq/index.html#/10001%40built-in/chat/10002')
    await call(fromTopFrame(chatWindow), 'closeWindow')
    expect(windows.routes()).toEqual([{ kind: 'buddies', account: ALICE }])
    // The buddy list closes to the tray: hidden, still there.
    await call(fromTopFrame(buddies), 'closeWindow')
    expect(windows.routes()).toEqual([{ kind: 'buddies', account: ALICE }])
    expect(buddies.isVisible()).toBe(false)
  })

  it('opens only parsed http(s) links outside the app', async () => {
    const { open, call, fromTopFrame } = setup()
    const event = fromTopFrame(open({ kind: 'buddies', account: ALICE }))
    expect(await call(event, 'openExternal', 'https://example.com/a b')).toEqual(ok(null))
    expect(await call(event, 'openExternal', 'HTTP://Example.com')).toEqual(ok(null))
    expect(shell.opened).toEqual(['https://example.com/a%20b', 'http://example.com/'])
  })

  it('tells a window where the logs are and opens their folder', async () => {
    const { open, call, fromTopFrame } = setup()
    const event = fromTopFrame(open({ kind: 'settings', account: ALICE }))
    expect(await call(event, 'getLogFolder')).toEqual(ok({ path: '/profile/logs', canOpen: true }))
    expect(await call(event, 'openLogFolder')).toEqual(ok(null))
    expect(shell.openedPaths).toEqual(['/profile/logs'])
  })

  it('forwards each event to its account’s windows, the app’s own to all, until stopped', () => {
    const { open, emit, stop } = setup()
    const login = open({ kind: 'login' })
    const alices = [
      open({ kind: 'buddies', account: ALICE }),
      open({ kind: 'chat', account: ALICE, uin: 20001 })
    ]
    const bobs = open({ kind: 'buddies', account: BOB })
    const presence: AccountEvent = {
      account: ALICE,
      event: { type: 'presence', uin: 20001, status: 30 }
    }
    const closed: AccountEvent = { account: BOB, event: { type: 'account-closed' } }
    const accounts: AccountEvent = { account: null, event: { type: 'accounts', accounts: [] } }
    for (const event of [presence, closed, accounts]) emit(event)
    const sent = (window: BrowserWindow) => window.webContents.sent
    for (const window of alices) {
      expect(sent(window)).toEqual([
        { channel: EVENT_CHANNEL, payload: presence },
        { channel: EVENT_CHANNEL, payload: accounts }
      ])
    }
    expect(sent(bobs)).toEqual([
      { channel: EVENT_CHANNEL, payload: closed },
      { channel: EVENT_CHANNEL, payload: accounts }
    ])
    expect(sent(login)).toEqual([{ channel: EVENT_CHANNEL, payload: accounts }])
    stop()
    emit(presence)
    expect(sent(bobs)).toHaveLength(2)
    expect(ipcMain.handlers.size).toBe(0)
  })
})
