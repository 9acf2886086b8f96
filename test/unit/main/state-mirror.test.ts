import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../../../src/shared/model.ts'
import { createStateMirror, type ShellState } from '../../../src/main/state-mirror.ts'
import { account, friend, mirrorOf, SETTINGS, signedIn, snapshot } from './fixtures.ts'

const ALICE = signedIn(10001, 'Alice')
const BOB = signedIn(10002, 'Bob')

function setup() {
  const mirror = mirrorOf(
    { who: ALICE, snapshot: { friends: [friend(20001, { nick: 'Carol' })] } },
    { who: BOB, snapshot: { friends: [friend(20001, { nick: 'Carol' })] } }
  )
  const changes: ShellState[] = []
  mirror.onChange((state) => changes.push(state))
  const send = (uin: number, event: CoreEvent): void =>
    mirror.apply({ account: account(uin), event })
  const friendOf = (uin: number, peer: number) =>
    mirror.current().accounts.get(account(uin))?.friends.get(peer)
  return { mirror, changes, send, friendOf }
}

describe('the state mirror', () => {
  it('keeps the accounts the core lists, in the order they signed in', () => {
    const mirror = createStateMirror(SETTINGS)
    mirror.apply({ account: null, event: { type: 'accounts', accounts: [BOB, ALICE] } })
    expect([...mirror.current().accounts.keys()]).toEqual([account(10002), account(10001)])
    expect(mirror.current().accounts.get(account(10001))).toMatchObject({
      me: { nick: 'Alice' },
      session: { phase: 'online', uin: 10001 },
      friends: new Map()
    })
  })

  it('follows each account’s friend list apart: names and unread counts', () => {
    const { send, changes, friendOf } = setup()
    send(10001, {
      type: 'friends',
      friends: [friend(20001, { nick: 'Carla', unread: 2 })],
      groups: []
    })
    expect(changes).toHaveLength(1)
    expect(friendOf(10001, 20001)).toMatchObject({ nick: 'Carla', unread: 2 })
    expect(friendOf(10002, 20001)).toMatchObject({ nick: 'Carol', unread: 0 })
  })

  it('follows one friend’s change without a new list, and ignores one not on it', () => {
    const { send, changes, friendOf } = setup()
    send(10002, { type: 'friend-updated', uin: 20001, changes: { unread: 3 } })
    send(10002, { type: 'friend-updated', uin: 20001, changes: { remark: 'C' } })
    send(10002, { type: 'friend-updated', uin: 20009, changes: { unread: 1 } })
    expect(changes).toHaveLength(2)
    expect(friendOf(10002, 20001)).toMatchObject({ nick: 'Carol', remark: 'C', unread: 3 })
    expect(friendOf(10001, 20001)).toMatchObject({ remark: '', unread: 0 })
  })

  it('keeps the app’s settings apart from each account’s', () => {
    const { mirror, send } = setup()
    send(10001, { type: 'settings', settings: { ...SETTINGS, sounds: false } })
    mirror.apply({
      account: null,
      event: { type: 'settings', settings: { ...SETTINGS, language: 'zh' } }
    })
    const state = mirror.current()
    expect(state.settings.language).toBe('zh')
    expect(state.accounts.get(account(10001))?.settings.sounds).toBe(false)
    expect(state.accounts.get(account(10002))?.settings.sounds).toBe(true)
  })

  it('drops a closed account, and ignores events of accounts it does not list', () => {
    const { mirror, send, changes } = setup()
    send(10001, { type: 'account-closed' })
    expect([...mirror.current().accounts.keys()]).toEqual([account(10002)])
    send(10001, { type: 'friends', friends: [friend(1, { unread: 1 })], groups: [] })
    send(10009, { type: 'me', me: { uin: 10009, nick: 'x', face: 0 } })
    mirror.load(account(10009), snapshot({}, 10009))
    expect(changes).toHaveLength(1)
    expect(mirror.current().accounts.has(account(10001))).toBe(false)
  })

  it('drops an account the core no longer lists, and takes a new nick from the list', () => {
    const { mirror } = setup()
    const renamed = { ...BOB, me: { ...BOB.me, nick: 'Bobby' } }
    mirror.apply({ account: null, event: { type: 'accounts', accounts: [renamed] } })
    const state = mirror.current()
    expect([...state.accounts.keys()]).toEqual([account(10002)])
    expect(state.accounts.get(account(10002))).toMatchObject({ me: { nick: 'Bobby' } })
    expect(state.accounts.get(account(10002))?.friends.get(20001)).toBeDefined()
  })

  it('lets presence pass: nothing the shell shows reads it', () => {
    const { mirror, changes, send } = setup()
    const before = mirror.current()
    send(10001, { type: 'presence', uin: 20001, status: 30 })
    expect(changes).toEqual([])
    expect(mirror.current()).toBe(before)
  })
})
