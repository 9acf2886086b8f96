import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { translatorFor } from '../../../src/main/i18n.ts'
import { createStateMirror } from '../../../src/main/state-mirror.ts'
import { BLINK_INTERVAL_MS, createAppTray } from '../../../src/main/tray/tray.ts'
import { resetElectronMock, Tray, type MockMenuItem } from '../../mocks/electron.ts'
import { friend, snapshot } from './fixtures.ts'

const en = translatorFor('en', 'en-US')

function setup() {
  const done: string[] = []
  const tray = createAppTray('/icons', {
    setStatus: (status) => done.push(`status ${status}`),
    logout: () => done.push('logout'),
    openChat: (uin) => done.push(`chat ${uin}`),
    showMain: () => done.push('main'),
    quit: () => done.push('quit')
  })
  const native = Tray.all[0] as Tray
  const icon = (): string => (native.image as { path: string }).path
  const item = (label: string): MockMenuItem => {
    const found = native.menu?.items.find((entry) => entry.label === label)
    if (found === undefined) throw new Error(`no menu item ${label}`)
    return found
  }
  return { tray, native, icon, item, done }
}

beforeEach(() => {
  resetElectronMock()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('the tray', () => {
  it('shows my status, and offline while logged out or reconnecting', () => {
    const { tray, icon, native } = setup()
    const busy = createStateMirror(
      snapshot({ session: { phase: 'online', uin: 10000, status: 30 } })
    )
    tray.update(busy.current(), en)
    expect(icon()).toBe('/icons/tray-busy.png')
    expect(native.tooltip).toBe('QQ: me (10000)\nBusy')
    busy.apply({ type: 'session', session: { phase: 'reconnecting', uin: 10000, status: 30 } })
    tray.update(busy.current(), en)
    expect(icon()).toBe('/icons/tray-offline.png')
    busy.apply({ type: 'session', session: { phase: 'offline', uin: null, status: 20 } })
    tray.update(busy.current(), en)
    expect(native.tooltip).toContain('Not logged in')
  })

  it('counts the unread messages in the tooltip, one and many', () => {
    const { tray, native } = setup()
    const one = createStateMirror(snapshot({ friends: [friend(10001, { unread: 1 })] }))
    tray.update(one.current(), en)
    expect(native.tooltip).toBe('QQ: me (10000)\nOnline\n1 unread message')
    const three = createStateMirror(
      snapshot({ friends: [friend(10001, { unread: 1 }), friend(10002, { unread: 2 })] })
    )
    tray.update(three.current(), en)
    expect(native.tooltip).toBe('QQ: me (10000)\nOnline\n3 unread messages')
    tray.update(three.current(), translatorFor('zh', 'en-US'))
    expect(native.tooltip).toBe('QQ: me (10000)\n我在线上\n3 条未读消息')
  })

  it('blinks while something is unread, and stops when it is read', () => {
    const { tray, icon } = setup()
    const state = createStateMirror(snapshot({ friends: [friend(10001, { unread: 2 })] }))
    tray.update(state.current(), en)
    const seen = new Set<string>()
    for (let tick = 0; tick < 4; tick++) {
      vi.advanceTimersByTime(BLINK_INTERVAL_MS)
      seen.add(icon())
    }
    expect(seen).toEqual(new Set(['/icons/tray-online.png', '/icons/tray-message.png']))
    state.apply({ type: 'friends', friends: [friend(10001)], groups: [] })
    tray.update(state.current(), en)
    vi.advanceTimersByTime(BLINK_INTERVAL_MS * 5)
    expect(icon()).toBe('/icons/tray-online.png')
  })

  it('keeps blinking through changes that come faster than it blinks', () => {
    const { tray, icon } = setup()
    const state = createStateMirror(snapshot({ friends: [friend(10001, { unread: 1 })] }))
    const seen = new Set<string>()
    for (let change = 0; change < 6; change++) {
      tray.update(state.current(), en)
      vi.advanceTimersByTime(BLINK_INTERVAL_MS * 0.6)
      seen.add(icon())
    }
    expect(seen).toContain('/icons/tray-message.png')
  })

  it('opens the waiting chat on a click, else the main window', () => {
    const { tray, native, done } = setup()
    tray.update(createStateMirror(snapshot()).current(), en)
    native.emit('click')
    const unread = createStateMirror(
      snapshot({ friends: [friend(10001), friend(10002, { unread: 1 })] })
    )
    tray.update(unread.current(), en)
    native.emit('click')
    expect(done).toEqual(['main', 'chat 10002'])
  })

  it('has a menu with status, unread chats, open and quit', () => {
    const { tray, item, done } = setup()
    const state = createStateMirror(
      snapshot({ friends: [friend(10001, { unread: 3, remark: 'Alice' }), friend(10002)] })
    )
    tray.update(state.current(), en)
    expect(item('Online')).toMatchObject({ type: 'radio', checked: true, enabled: true })
    item('Busy').click?.()
    item('Invisible').click?.()
    item('Offline').click?.()
    const chats = item('Unread messages').submenu ?? []
    expect(chats.map((entry) => entry.label)).toEqual(['Alice (3)'])
    chats[0]?.click?.()
    item('Open QQ').click?.()
    item('Quit').click?.()
    expect(done).toEqual(['status 30', 'status 40', 'logout', 'chat 10001', 'main', 'quit'])
  })

  it('rebuilds its menu only when what the menu shows changed', () => {
    const { tray, native } = setup()
    const state = createStateMirror(snapshot({ friends: [friend(10001), friend(10002)] }))
    tray.update(state.current(), en)
    const first = native.menu
    state.apply({ type: 'friend-updated', uin: 10002, changes: { remark: 'Bobby' } })
    tray.update(state.current(), en)
    expect(native.menu).toBe(first)
    state.apply({ type: 'friend-updated', uin: 10002, changes: { unread: 1 } })
    tray.update(state.current(), en)
    expect(native.menu).not.toBe(first)
    expect(
      native.menu?.items.find((entry) => entry.label === 'Unread messages')?.submenu
    ).toMatchObject([{ label: 'Bobby (1)' }])
  })

  it('disables status items while logged out and speaks Chinese when asked', () => {
    const { tray, item } = setup()
    const state = createStateMirror(
      snapshot({ session: { phase: 'offline', uin: null, status: 20 } })
    )
    tray.update(state.current(), translatorFor('system', 'zh-CN'))
    expect(item('忙碌')).toMatchObject({ enabled: false, checked: false })
    expect(item('未读消息').submenu).toEqual([{ label: '没有未读消息', enabled: false }])
  })
})
