import { describe, expect, it } from 'vitest'
import { Roster } from '../../../src/core/roster.ts'
import { openAccountStore } from '../../../src/core/store/account-store.ts'
import type { CoreEvent } from '../../../src/shared/model.ts'
import { useTempDirs } from './temp-dir.ts'

const tempDir = useTempDirs()

function roster() {
  const store = openAccountStore(tempDir(), 'built-in', 10001)
  store.contacts.setFriends([10002, 10003, 10004])
  const events: CoreEvent[] = []
  return { store, events, roster: new Roster(store.contacts, (event) => events.push(event)) }
}

const presence = (events: CoreEvent[]) =>
  events.flatMap((e) => (e.type === 'presence' ? [[e.uin, e.status]] : []))

describe('roster', () => {
  it('a full Query_Stat sets who is online; friends it leaves out are offline', () => {
    const { store, events, roster: list } = roster()
    list.setPresence(10004, 10)
    list.setOnline([
      { uin: 10002, status: 30, face: 6, nick: 'Bob' },
      { uin: 10003, status: 10, face: 9, nick: 'Carol' }
    ])
    const [first, ...changes] = presence(events)
    expect(first).toEqual([10004, 10])
    expect(changes.sort()).toEqual([
      [10002, 30],
      [10003, 10],
      [10004, 20]
    ])
    expect(list.friends().map((f) => [f.uin, f.nick, f.face, f.status])).toEqual([
      [10002, 'Bob', 6, 30],
      [10003, 'Carol', 9, 10],
      [10004, '10004', 0, 20]
    ])
    expect(events.filter((e) => e.type === 'friends')).toHaveLength(1)
    store.close()
  })

  it('shows invisible as offline, ignores strangers, and repeats nothing', () => {
    const { store, events, roster: list } = roster()
    list.setPresence(10002, 40)
    list.setPresence(99999, 10)
    list.setPresence(10003, 10)
    list.setPresence(10003, 10)
    expect(presence(events)).toEqual([[10003, 10]])
    list.allOffline()
    expect(presence(events)).toEqual([
      [10003, 10],
      [10003, 20]
    ])
    store.close()
  })
})
