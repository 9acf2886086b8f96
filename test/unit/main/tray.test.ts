import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { translatorFor } from '../../../src/main/i18n.ts'
import { createStateMirror } from '../../../src/main/state-mirror.ts'
import { BLINK_INTERVAL_MS, createAppTray } from '../../../src/main/tray/tray.ts'
import { resetElectronMock, Tray, type MockMenuItem } from '../../mocks/electron.ts'
import { account, friend, mirrorOf, SETTINGS, signedIn } from './fixtures.ts'

const en = translatorFor('en', 'en-US')
const ALICE = signedIn(10001, 'Alice')
const BOB = signedIn(10002, 'Bob')

function setup() {
  const done: string[] = []
  const tray = createAppTray('/icons', {
    setStatus: (who, status) => done.push(`${who} status ${status}`),
    logout: (who) => done.push(`${who} logout`),
    openChat: (who, uin) => done.push(`${who} chat ${uin}`),
    addAccount: () => done.push('add account'),
    showMain: () => done.push('main'),
    quit: () => done.push('quit')
  })
  const native = Tray.all[0] as Tray
  const icon = (): string => (native.image as { path: string }).path
  const find = (items: MockMenuItem[] | undefined, label: string): MockMenuItem => {
    const found = items?.find((entry) => entry.label === label)
    if (found === undefined) throw new Error(`no menu item ${label}`)
    return found
  }
  const item = (label: string): MockMenuItem => find(native.menu?.items, label)
  /** An item of an account's submenu. */
  const sub = (root: string, label: string): MockMenuItem => find(item(root).submenu, label)
  return { tray, native, icon, item, sub, done }
}

beforeEach(() => {
  resetElectronMock()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('the tray', () => {
  it('shows the status, and offline while logged out or reconnecting', () => {
    const { tray, icon, native } = setup()
    const busy = mirrorOf({
      who: ALICE,
      snapshot: { session: { phase: 'online', uin: 10001, status: 30 } }
    })
    tray.update(busy.current(), en)
    expect(icon()).toBe('/icons/tray-busy.png')
    expect(native.tooltip).toBe('QQ\nAlice (10001) Busy')
    busy.apply({
      account: ALICE.account,
      event: { type: 'session', session: { phase: 'reconnecting', uin: 10001, status: 30 } }
    })
    tray.update(busy.current(), en)
    expect(icon()).toBe('/icons/tray-offline.png')
    tray.update(createStateMirror(SETTINGS).current(), en)
    expect(native.tooltip).toBe('QQ\nNot logged in')
    expect(icon()).toBe('/icons/tray-offline.png')
  })

  it('counts the unread messages of every account in the tooltip, one and many', () => {
    const { tray, native } = setup()
    const one = mirrorOf({ who: ALICE, snapshot: { friends: [friend(20001, { unread: 1 })] } })
    tray.update(one.current(), en)
    expect(native.tooltip).toBe('QQ\nAlice (10001) Online\n1 unread message')
    const three = mirrorOf(
      { who: ALICE, snapshot: { friends: [friend(20001, { unread: 1 })] } },
      {
        who: BOB,
        snapshot: {
          friends: [friend(20001, { unread: 1 })],
          session: { phase: 'online', uin: 10002, status: 40 }
        }
      }
    )
    tray.update(three.current(), en)
    expect(native.tooltip).toBe(
      'QQ\nAlice (10001) Online\nBob (10002) Invisible\n2 unread messages'
    )
    tray.update(three.current(), translatorFor('zh', 'en-US'))
    expect(native.tooltip).toBe('QQ\nAlice (10001) 我在线上\nBob (10002) 隐身\n2 条未读消息')
  })

  it('blinks while something is unread, and stops when it is read', () => {
    const { tray, icon } = setup()
    const state = mirrorOf(
      { who: ALICE },
      { who: BOB, snapshot: { friends: [friend(20001, { unread: 2 })] } }
    )
    tray.update(state.current(), en)
    const seen = new Set<string>()
    for (let tick = 0; tick < 4; tick++) {
      vi.advanceTimersByTime(BLINK_INTERVAL_MS)
      seen.add(icon())
    }
    expect(seen).toEqual(new Set(['/icons/tray-online.png', '/icons/tray-message.png']))
    state.apply({
      account: BOB.account,
      event: { type: 'friends', friends: [friend(20001)], groups: [] }
    })
    tray.update(state.current(), en)
    vi.advanceTimersByTime(BLINK_INTERVAL_MS * 5)
    expect(icon()).toBe('/icons/tray-online.png')
  })

  it('keeps blinking through changes that come faster than it blinks', () => {
    const { tray, icon } = setup()
    const state = mirrorOf({ who: ALICE, snapshot: { friends: [friend(20001, { unread: 1 })] } })
    const seen = new Set<string>()
    for (let change = 0; change < 6; change++) {
      tray.update(state.current(), en)
      vi.advanceTimersByTime(BLINK_INTERVAL_MS * 0.6)
      seen.add(icon())
    }
    expect(seen).toContain('/icons/tray-message.png')
  })

  it('opens the waiting chat, of whichever account, on a click, else the main windows', () => {
    const { tray, native, done } = setup()
    tray.update(mirrorOf({ who: ALICE }).current(), en)
    native.emit('click')
    const unread = mirrorOf(
      { who: ALICE, snapshot: { friends: [friend(20001)] } },
      { who: BOB, snapshot: { friends: [friend(20001), friend(20002, { unread: 1 })] } }
    )
    tray.update(unread.current(), en)
    native.emit('click')
    expect(done).toEqual(['main', `${BOB.account} chat 20002`])
  })

  it('lists each account with its status and unread chats, then add account, open and quit', () => {
    const { tray, native, item, sub, done } = setup()
    const state = mirrorOf(
      {
        who: ALICE,
        snapshot: { friends: [friend(20001, { unread: 3, remark: 'Carol' }), friend(20002)] }
      },
      { who: BOB, snapshot: { session: { phase: 'online', uin: 10002, status: 30 } } }
    )
    tray.update(state.current(), en)
    expect(native.menu?.items.map((entry) => entry.label ?? entry.type)).toEqual([
      'Alice (10001)',
      'Bob (10002)',
      'separator',
      'Add account…',
      'Open QQ',
      'Quit'
    ])
    // The account on the root item, for whoever drives the menu.
    expect(item('Alice (10001)')).toMatchObject({ id: ALICE.account })
    expect(sub('Alice (10001)', 'Online')).toMatchObject({ type: 'radio', checked: true })
    expect(sub('Bob (10002)', 'Busy')).toMatchObject({ type: 'radio', checked: true })
    expect(sub('Bob (10002)', 'Online')).toMatchObject({ checked: false, enabled: true })
    sub('Alice (10001)', 'Busy').click?.()
    sub('Bob (10002)', 'Invisible').click?.()
    sub('Bob (10002)', 'Offline').click?.()
    sub('Alice (10001)', 'Carol (3)').click?.()
    expect(sub('Bob (10002)', 'No unread messages')).toMatchObject({ enabled: false })
    item('Add account…').click?.()
    item('Open QQ').click?.()
    item('Quit').click?.()
    expect(done).toEqual([
      `${ALICE.account} status 30`,
      `${BOB.account} status 40`,
      `${BOB.account} logout`,
      `${ALICE.account} chat 20001`,
      'add account',
      'main',
      'quit'
    ])
  })

  it('rebuilds its menu only when what the menu shows changed', () => {
    const { tray, native } = setup()
    const state = mirrorOf({ who: ALICE, snapshot: { friends: [friend(20001), friend(20002)] } })
    tray.update(state.current(), en)
    const first = native.menu
    const change = (changes: { remark?: string; unread?: number }): void =>
      state.apply({
        account: account(10001),
        event: { type: 'friend-updated', uin: 20002, changes }
      })
    change({ remark: 'Dave' })
    tray.update(state.current(), en)
    expect(native.menu).toBe(first)
    change({ unread: 1 })
    tray.update(state.current(), en)
    expect(native.menu).not.toBe(first)
    expect(
      native.menu?.items.find((entry) => entry.label === 'Alice (10001)')?.submenu?.at(-1)
    ).toMatchObject({ label: 'Dave (1)' })
  })

  it('says nobody is in while logged out, and speaks Chinese when asked', () => {
    const { tray, item, native } = setup()
    tray.update(createStateMirror(SETTINGS).current(), translatorFor('system', 'zh-CN'))
    expect(item('未登录')).toMatchObject({ enabled: false })
    expect(native.menu?.items.map((entry) => entry.label ?? entry.type)).toEqual([
      '未登录',
      'separator',
      '添加帐号…',
      '打开主面板',
      '退出'
    ])
  })
})
