import { beforeEach, describe, expect, it } from 'vitest'
import type { Me } from '../../../src/shared/model.ts'
import type { WindowRoute } from '../../../src/shared/routes.ts'
import { translatorFor } from '../../../src/main/i18n.ts'
import { createAppOrigin } from '../../../src/main/security/app-origin.ts'
import { createBoundsMemory } from '../../../src/main/windows/bounds-memory.ts'
import { createWindowManager } from '../../../src/main/windows/window-manager.ts'
import { windowTitle } from '../../../src/main/windows/window-title.ts'
import type { BrowserWindow } from '../../mocks/electron.ts'
import { resetElectronMock, screen } from '../../mocks/electron.ts'
import { account } from './fixtures.ts'

const ALICE = account(10001)
const BOB = account(10002)

let memory: Map<string, unknown>
let owners: Map<string, Me>
let language: 'en' | 'zh'

function manager() {
  const windows = createWindowManager({
    origin: createAppOrigin(),
    preload: '/app/out/preload/index.cjs',
    icon: '/app/resources/icons/app.png',
    bounds: createBoundsMemory(
      { get: (key) => memory.get(key), set: (key, value) => memory.set(key, value) },
      () => screen.workAreas
    ),
    hideOnClose: (route) => route.kind === 'buddies',
    onClosed: () => undefined,
    title: (route, pageTitle) =>
      windowTitle(
        route,
        pageTitle,
        route.kind === 'login' ? undefined : owners.get(route.account),
        translatorFor(language, 'en-US')
      )
  })
  const open = (route: WindowRoute) => windows.open(route) as unknown as BrowserWindow
  return { windows, open }
}

beforeEach(() => {
  resetElectronMock()
  memory = new Map()
  owners = new Map([
    [ALICE, { uin: 10001, nick: 'Alice', face: 0 }],
    [BOB, { uin: 10002, nick: 'Bob', face: 0 }]
  ])
  language = 'en'
  screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }]
})

describe('every window', () => {
  const routes: WindowRoute[] = [
    { kind: 'login' },
    { kind: 'buddies', account: ALICE },
    { kind: 'chat', account: ALICE, uin: 20001 },
    { kind: 'profile', account: ALICE, uin: 20001 },
    { kind: 'system', account: ALICE },
    { kind: 'history', account: ALICE, uin: null },
    { kind: 'settings', account: ALICE }
  ]
  it.each(routes)('%j is locked down and loads the renderer at its route', (route) => {
    const window = manager().open(route)
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(window.webContents.getURL()).toMatch(/^app:\/\/qq\/index\.html#\//)
    // Shown once painted, never blank.
    expect(window.isVisible()).toBe(false)
    window.emit('ready-to-show')
    expect(window.isVisible()).toBe(true)
  })
})

describe('window shapes', () => {
  it('gives the login a fixed 330×250 and the buddy list a tall, narrow 280×620', () => {
    const { open } = manager()
    expect(open({ kind: 'login' }).options).toMatchObject({
      width: 330,
      height: 250,
      resizable: false
    })
    expect(open({ kind: 'buddies', account: ALICE }).options).toMatchObject({
      width: 280,
      height: 620,
      resizable: true
    })
    expect(open({ kind: 'chat', account: ALICE, uin: 1 }).options).toMatchObject({
      width: 520,
      height: 460
    })
  })

  it('keeps one chat per account and friend, and brings an open one back', () => {
    const { windows, open } = manager()
    const first = open({ kind: 'chat', account: ALICE, uin: 20001 })
    first.minimized = true
    first.hide()
    expect(open({ kind: 'chat', account: ALICE, uin: 20001 })).toBe(first)
    expect(first.isMinimized()).toBe(false)
    expect(first.isFocused()).toBe(true)
    const bobs = open({ kind: 'chat', account: BOB, uin: 20001 })
    expect(bobs).not.toBe(first)
    expect(bobs.webContents.getURL()).toBe('app://qq/index.html#/10002%40built-in/chat/20001')
    open({ kind: 'chat', account: ALICE, uin: 20002 })
    expect(windows.routes()).toHaveLength(3)
  })
})

describe('a window’s owner', () => {
  it('is in its title: the kind of window until the page names itself, then the page’s title', () => {
    const { open } = manager()
    const chat = open({ kind: 'chat', account: ALICE, uin: 20001 })
    expect(chat.getTitle()).toBe('Chat - Alice (10001)')
    chat.pageTitled('Chatting with Carol')
    expect(chat.getTitle()).toBe('Chatting with Carol - Alice (10001)')
    language = 'zh'
    expect(open({ kind: 'chat', account: BOB, uin: 20001 }).getTitle()).toBe('聊天 - Bob (10002)')
  })

  it('is named once when the page names it already, and not at all for the login window', () => {
    const { open } = manager()
    const buddies = open({ kind: 'buddies', account: ALICE })
    buddies.pageTitled('Alice (10001)')
    expect(buddies.getTitle()).toBe('Alice (10001)')
    const login = open({ kind: 'login' })
    login.pageTitled('Log in')
    expect(login.getTitle()).toBe('Log in')
  })

  it('is the number alone until the nick is known, and the title follows when it is', () => {
    owners.delete(BOB)
    const { windows, open } = manager()
    const system = open({ kind: 'system', account: BOB })
    system.pageTitled('System messages')
    expect(system.getTitle()).toBe('System messages - 10002')
    owners.set(BOB, { uin: 10002, nick: 'Bobby', face: 0 })
    windows.retitle()
    expect(system.getTitle()).toBe('System messages - Bobby (10002)')
  })
})

describe('events', () => {
  it('go to the windows of their account, and the app’s own to every window', () => {
    const { windows, open } = manager()
    const login = open({ kind: 'login' })
    const alices = [
      open({ kind: 'buddies', account: ALICE }),
      open({ kind: 'chat', account: ALICE, uin: 1 })
    ]
    const bobs = open({ kind: 'buddies', account: BOB })
    windows.sendTo(ALICE, 'qq:event', 'for alice')
    windows.sendTo(null, 'qq:event', 'for all')
    for (const window of alices) {
      expect(window.webContents.sent.map(({ payload }) => payload)).toEqual([
        'for alice',
        'for all'
      ])
    }
    expect(bobs.webContents.sent.map(({ payload }) => payload)).toEqual(['for all'])
    expect(login.webContents.sent.map(({ payload }) => payload)).toEqual(['for all'])
  })
})

describe('the buddy list', () => {
  it('opens where it was last put, for each account', () => {
    const first = manager().open({ kind: 'buddies', account: ALICE })
    first.setBounds({ x: 1500, y: 100, width: 300, height: 700 })
    first.destroy()
    expect(manager().open({ kind: 'buddies', account: ALICE }).options).toMatchObject({
      x: 1500,
      y: 100,
      width: 300,
      height: 700
    })
  })

  it('takes the place the app kept before it knew accounts, when it has none of its own', () => {
    memory.set('bounds.buddies', { x: 1400, y: 50, width: 290, height: 640 })
    expect(manager().open({ kind: 'buddies', account: ALICE }).options).toMatchObject({
      x: 1400,
      y: 50
    })
  })

  it('opens a second account’s list beside the first, never on it', () => {
    memory.set('bounds.buddies', { x: 1600, y: 80, width: 280, height: 620 })
    const { open } = manager()
    const alice = open({ kind: 'buddies', account: ALICE })
    const bob = open({ kind: 'buddies', account: BOB })
    expect(alice.bounds).toEqual({ x: 1600, y: 80, width: 280, height: 620 })
    // To its left, as the first sits at the right of the screen.
    expect(bob.bounds).toEqual({ x: 1600 - 280 - 8, y: 80, width: 280, height: 620 })
  })

  it('puts the second to the right when the first is at the left edge', () => {
    const { open } = manager()
    const alice = open({ kind: 'buddies', account: ALICE })
    alice.setBounds({ x: 0, y: 0, width: 280, height: 620 })
    const bob = open({ kind: 'buddies', account: BOB })
    expect(bob.bounds).toMatchObject({ x: 288, y: 0 })
    // And each remembers its own place.
    bob.setBounds({ x: 900, y: 10, width: 280, height: 620 })
    expect([...memory.keys()].sort()).toEqual([
      'accountBounds.10001%40built-in.buddies',
      'accountBounds.10002%40built-in.buddies'
    ])
  })

  it('keeps an account’s own place when it is free', () => {
    const { open } = manager()
    memory.set(`accountBounds.10002%40built-in.buddies`, {
      x: 100,
      y: 100,
      width: 280,
      height: 620
    })
    open({ kind: 'buddies', account: ALICE }).setBounds({ x: 1600, y: 80, width: 280, height: 620 })
    expect(open({ kind: 'buddies', account: BOB }).bounds).toMatchObject({ x: 100, y: 100 })
  })

  it('comes back on screen when its last place is on a monitor that is gone', () => {
    const first = manager().open({ kind: 'buddies', account: ALICE })
    first.setBounds({ x: 2500, y: 100, width: 280, height: 620 })
    first.destroy()
    screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }]
    const again = manager().open({ kind: 'buddies', account: ALICE })
    expect(again.options).toMatchObject({ width: 280, height: 620 })
    expect(again.options).not.toHaveProperty('x')
  })

  it('hides on close (to the tray) and closes for good when destroyed', () => {
    const { windows, open } = manager()
    const buddies = open({ kind: 'buddies', account: ALICE })
    buddies.show()
    buddies.close()
    expect(buddies.isDestroyed()).toBe(false)
    expect(buddies.isVisible()).toBe(false)
    windows.destroy({ kind: 'buddies', account: ALICE })
    expect(buddies.isDestroyed()).toBe(true)
    expect(windows.routes()).toEqual([])
  })
})
