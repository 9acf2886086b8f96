import { beforeEach, describe, expect, it } from 'vitest'
import type { CoreEvent, NotificationPrivacy } from '../../../src/shared/model.ts'
import { createDesktopAlerts } from '../../../src/main/desktop-alerts.ts'
import { translatorFor } from '../../../src/main/i18n.ts'
import type { NotificationText } from '../../../src/main/notify/notification-text.ts'
import { createStateMirror } from '../../../src/main/state-mirror.ts'
import { friend, SETTINGS, snapshot } from './fixtures.ts'

const message = (peer: number, text: string, direction: 'in' | 'out' = 'in'): CoreEvent => ({
  type: 'message',
  message: { id: `m${text}`, peer, direction, text, time: 0, state: 'received' }
})

let now: number
let watching: Set<number>

function setup(privacy: NotificationPrivacy = 'full', sounds = true) {
  const mirror = createStateMirror(
    snapshot({
      session: { phase: 'online', uin: 10000, status: 10 },
      friends: [friend(10001, { remark: 'Alice' }), friend(10002, { status: 20 })],
      settings: { ...SETTINGS, notifications: privacy, sounds }
    })
  )
  const played: string[] = []
  const shown: NotificationText[] = []
  const alert = createDesktopAlerts(mirror, {
    translator: () => translatorFor('en', 'en-US'),
    watching: (uin) => watching.has(uin),
    playSound: (name) => played.push(name),
    notify: (text) => shown.push(text),
    now: () => now
  })
  const send = (event: CoreEvent): void => {
    alert(event)
    mirror.apply(event)
  }
  return { send, played, shown }
}

beforeEach(() => {
  now = 1_000_000
  watching = new Set()
})

describe('alerts for what happens elsewhere', () => {
  it('shows who and what with full privacy, and opens the chat on click', () => {
    const { send, shown, played } = setup('full')
    send(message(10001, 'hello'))
    expect(shown).toEqual([{ title: 'Alice', body: 'hello', chat: 10001 }])
    expect(played).toEqual(['message'])
  })

  it('hides the text with name-only, and shows nothing with none', () => {
    const named = setup('name-only')
    named.send(message(10001, 'a secret'))
    expect(named.shown).toEqual([{ title: 'Alice', body: 'sent you a message', chat: 10001 }])
    const silent = setup('none')
    silent.send(message(10001, 'a secret'))
    silent.send({
      type: 'system-message',
      message: { id: 's', kind: 'request', from: 10003, text: 'hi', time: 0 }
    })
    expect(silent.shown).toEqual([])
    expect(silent.played).toEqual(['message'])
  })

  it('stays quiet about my own messages and the chat I am looking at', () => {
    const { send, shown, played } = setup()
    watching.add(10001)
    send(message(10001, 'seen'))
    send(message(10002, 'mine', 'out'))
    expect(shown).toEqual([])
    expect(played).toEqual([])
  })

  it('plays nothing when muted, and one sound for a burst', () => {
    const muted = setup('full', false)
    muted.send(message(10001, 'a'))
    expect(muted.played).toEqual([])
    expect(muted.shown).toHaveLength(1)
    const burst = setup()
    for (const text of ['a', 'b', 'c']) burst.send(message(10001, text))
    now += 1_000
    burst.send(message(10001, 'd'))
    expect(burst.played).toEqual(['message', 'message'])
    expect(burst.shown).toHaveLength(4)
  })

  it('tells about system messages, with the reason only under full privacy', () => {
    const { send, shown, played } = setup()
    send({
      type: 'system-message',
      message: { id: 's', kind: 'refused', from: 10001, text: 'no thanks', time: 0 }
    })
    expect(shown).toEqual([
      { title: 'System message', body: 'Alice refused your friend request\nno thanks' }
    ])
    expect(played).toEqual(['system'])
  })

  it('rings and tells when the core says a friend came online, and only then', () => {
    const { send, played, shown } = setup()
    // Presence alone is the list changing (at login, say): no sound, no notification.
    send({ type: 'presence', uin: 10002, status: 10 })
    expect(played).toEqual([])
    send({
      type: 'system-message',
      message: { id: 'o', kind: 'online', from: 10001, text: '', time: 0 }
    })
    expect(played).toEqual(['online'])
    expect(shown).toEqual([{ title: 'Alice', body: 'is online', chat: 10001 }])
  })

  it('tells nobody came online when notifications are off, but still rings', () => {
    const { send, played, shown } = setup('none')
    send({
      type: 'system-message',
      message: { id: 'o', kind: 'online', from: 10001, text: '', time: 0 }
    })
    expect(played).toEqual(['online'])
    expect(shown).toEqual([])
  })
})
