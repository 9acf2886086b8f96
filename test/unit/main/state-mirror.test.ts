import { describe, expect, it } from 'vitest'
import { createStateMirror, type ShellState } from '../../../src/main/state-mirror.ts'
import { friend, snapshot } from './fixtures.ts'

function setup() {
  const mirror = createStateMirror(snapshot({ friends: [friend(10002, { nick: 'Bob' })] }))
  const changes: ShellState[] = []
  mirror.onChange((state) => changes.push(state))
  return { mirror, changes }
}

describe('the state mirror', () => {
  it('follows the friend list: names and unread counts', () => {
    const { mirror, changes } = setup()
    mirror.apply({
      type: 'friends',
      friends: [friend(10002, { nick: 'Bobby', unread: 2 })],
      groups: []
    })
    expect(changes).toHaveLength(1)
    expect(mirror.current().friends.get(10002)).toMatchObject({ nick: 'Bobby', unread: 2 })
  })

  it('follows one friend’s change without a new list, and ignores one not on it', () => {
    const { mirror, changes } = setup()
    mirror.apply({ type: 'friend-updated', uin: 10002, changes: { unread: 3 } })
    mirror.apply({ type: 'friend-updated', uin: 10002, changes: { remark: 'B' } })
    mirror.apply({ type: 'friend-updated', uin: 10009, changes: { unread: 1 } })
    expect(changes).toHaveLength(2)
    expect(mirror.current().friends.get(10002)).toMatchObject({
      nick: 'Bob',
      remark: 'B',
      unread: 3
    })
    expect(mirror.current().friends.has(10009)).toBe(false)
  })

  it('lets presence pass: nothing the shell shows reads it', () => {
    const { mirror, changes } = setup()
    const before = mirror.current()
    mirror.apply({ type: 'presence', uin: 10002, status: 30 })
    expect(changes).toEqual([])
    expect(mirror.current()).toBe(before)
  })
})
