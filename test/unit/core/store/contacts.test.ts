import { describe, expect, it } from 'vitest'
import { openAccountStore } from '../../../../src/core/store/account-store.ts'
import { useTempDirs } from '../temp-dir.ts'

const tempDir = useTempDirs()

describe('contact store', () => {
  it('starts with the default group 我的好友', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    expect(store.contacts.groups()).toEqual([{ id: 'friends', name: '我的好友' }])
    store.close()
  })

  it('takes the server’s list as the truth about friends and keeps local extras', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    store.contacts.setFriends([10002, 10003])
    const group = store.contacts.createGroup('同学')
    store.contacts.moveTo(10002, group.id)
    store.contacts.setRemark(10002, '老王')
    store.contacts.addUnread(10002)
    store.contacts.setFriends([10002])
    expect(store.contacts.friends()).toEqual([
      { uin: 10002, friend: true, nick: '', face: 0, remark: '老王', groupId: group.id, unread: 1 }
    ])
    expect(store.contacts.get(10003)?.friend).toBe(false)
    store.close()
  })

  it('moves a deleted group’s members to the default group', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    store.contacts.setFriends([10002])
    const group = store.contacts.createGroup('网友')
    store.contacts.moveTo(10002, group.id)
    expect(store.contacts.renameGroup(group.id, '朋友')).toBe(true)
    expect(store.contacts.groups().map((g) => g.name)).toEqual(['我的好友', '朋友'])
    expect(store.contacts.deleteGroup(group.id)).toBe(true)
    expect(store.contacts.deleteGroup(group.id)).toBe(false)
    expect(store.contacts.get(10002)?.groupId).toBe('friends')
    store.close()
  })

  it('reports whether details or unread counts changed', () => {
    const store = openAccountStore(tempDir(), 'built-in', 10001)
    expect(store.contacts.setDetails(10002, 'Ann', 3)).toBe(true)
    expect(store.contacts.setDetails(10002, 'Ann', 3)).toBe(false)
    expect(store.contacts.clearUnread(10002)).toBe(false)
    store.contacts.addUnread(10002)
    expect(store.contacts.clearUnread(10002)).toBe(true)
    store.close()
  })

  it('keeps everything in the file across openings', () => {
    const dir = tempDir()
    const first = openAccountStore(dir, 'built-in', 10001)
    first.contacts.setFriends([10002])
    first.systemMessages.add({
      kind: 'request',
      from: 10002,
      text: '加我',
      time: 5,
      source: '1/0/x'
    })
    first.profiles.put({ uin: 10002, fields: { NK: 'Ann', AG: '19' }, fetchedAt: 9 })
    first.close()
    const second = openAccountStore(dir, 'built-in', 10001)
    expect(second.contacts.friends().map((c) => c.uin)).toEqual([10002])
    expect(second.systemMessages.recent()).toMatchObject([
      { kind: 'request', from: 10002, text: '加我' }
    ])
    expect(
      second.systemMessages.add({
        kind: 'request',
        from: 10002,
        text: '加我',
        time: 5,
        source: '1/0/x'
      })
    ).toBeUndefined()
    expect(second.systemMessages.answer(10002, 'accepted')).toMatchObject([{ answer: 'accepted' }])
    expect(second.systemMessages.answer(10002, 'refused')).toEqual([])
    expect(second.profiles.get(10002)).toEqual({
      uin: 10002,
      fields: { NK: 'Ann', AG: '19' },
      fetchedAt: 9
    })
    second.close()
  })
})
