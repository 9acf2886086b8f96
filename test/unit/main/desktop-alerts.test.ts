import { beforeEach, describe, expect, it } from 'vitest'
import type { AccountId } from '../../../src/shared/account-id.ts'
import type { CoreEvent, NotificationPrivacy } from '../../../src/shared/model.ts'
import { createDesktopAlerts } from '../../../src/main/desktop-alerts.ts'
import { translatorFor } from '../../../src/main/i18n.ts'
import type { NotificationText } from '../../../src/main/notify/notification-text.ts'
import { friend, mirrorOf, SETTINGS, signedIn } from './fixtures.ts'

const ME = signedIn(10000, 'me')

const message = (peer: number, text: string, direction: 'in' | 'out' = 'in'): CoreEvent => ({
  type: 'message',
  message: { id: `m${text}`, peer, direction, text, time: 0, state: 'received' }
})

let now: number
let watching: Set<string>

function setup(privacy: NotificationPrivacy = 'full', sounds = true) {
  const mirror = mirrorOf({
    who: ME,
    snapshot: {
      friends: [friend(10001, { remark: 'Alice' }), friend(10002, { status: 20 })],
      settings: { ...SETTINGS, notifications: privacy, sounds }
    }
  })
  const played: string[] = []
  const shown: NotificationText[] = []
  const to: AccountId[] = []
  const alert = createDesktopAlerts(mirror, {
    translator: () => translatorFor('en', 'en-US'),
    watching: (account, uin) => watching.has(`${account} ${uin}`),
    playSound: (name) => played.push(name),
    notify: (text, account) => {
      shown.push(text)
      to.push(account)
    },
    now: () => now
  })
  const send = (event: CoreEvent, account: AccountId = ME.account): void => {
    alert({ account, event })
    mirror.apply({ account, event })
  }
  return { send, played, shown, to, mirror }
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
    watching.add(`${ME.account} 10001`)
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

  it('says which account a message came to when several are signed in', () => {
    const zh = translatorFor('zh', 'zh-CN')
    const penguin = signedIn(10001, '小企鹅')
    const bob = signedIn(10002, 'Bob')
    const mirror = mirrorOf(
      { who: penguin, snapshot: { friends: [friend(20001, { remark: 'Carol' })] } },
      {
        who: bob,
        snapshot: {
          friends: [friend(20001, { remark: 'Carol' })],
          settings: { ...SETTINGS, notifications: 'name-only' }
        }
      }
    )
    const shown: [NotificationText, AccountId][] = []
    let t = zh
    const alert = createDesktopAlerts(mirror, {
      translator: () => t,
      watching: (account, uin) => account === bob.account && uin === 20001,
      playSound: () => undefined,
      notify: (text, account) => shown.push([text, account]),
      now: () => now
    })
    const hello = message(20001, '你好')
    alert({ account: penguin.account, event: hello })
    t = translatorFor('en', 'en-US')
    alert({ account: penguin.account, event: hello })
    // Bob's chat with Carol is the one looked at: only Bob's stays quiet.
    alert({ account: bob.account, event: hello })
    alert({ account: bob.account, event: message(20002, 'hi') })
    expect(shown).toEqual([
      [{ title: 'Carol', body: '给 小企鹅 (10001)\n你好', chat: 20001 }, penguin.account],
      [{ title: 'Carol', body: 'to 小企鹅 (10001)\n你好', chat: 20001 }, penguin.account],
      [{ title: '20002', body: 'to Bob (10002)\nsent you a message', chat: 20002 }, bob.account]
    ])
  })

  it('names no account while only one is signed in, and alerts nothing for an account it does not list', () => {
    const { send, shown, played } = setup()
    send(message(10001, 'hello'))
    send(message(10001, 'from elsewhere'), signedIn(10009).account)
    expect(shown).toEqual([{ title: 'Alice', body: 'hello', chat: 10001 }])
    expect(played).toEqual(['message'])
  })
})
