import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import { CHANGES_BATCH_MS, useFriendsStore } from '../../../src/renderer/src/stores/friends.ts'
import type { Friend } from '../../../src/shared/model.ts'

const friend = (uin: number): Friend => ({
  uin,
  nick: `n${uin}`,
  face: 0,
  status: 20,
  remark: '',
  groupId: 'friends',
  unread: 0
})

describe('changes to single friends in the friends store', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
  })
  afterEach(() => vi.useRealTimers())

  it('applies a burst of changes to 5,000 friends as one new list', () => {
    const store = useFriendsStore()
    store.applyFriends(
      Array.from({ length: 5000 }, (_, i) => friend(10000 + i)),
      [{ id: 'friends', name: '' }]
    )
    let lists = 0
    watch(
      () => store.friends,
      () => lists++,
      { flush: 'sync' }
    )
    for (let i = 0; i < 1000; i++) store.applyPresence(10000 + i, i % 2 === 0 ? 10 : 30)
    expect(lists).toBe(0)
    vi.advanceTimersByTime(CHANGES_BATCH_MS)
    expect(lists).toBe(1)
    expect(store.byUin.get(10000)?.status).toBe(10)
    expect(store.byUin.get(10001)?.status).toBe(30)
    expect(store.byUin.get(11000)?.status).toBe(20)
  })

  it('keeps the latest of several changes to one friend', () => {
    const store = useFriendsStore()
    store.applyFriends([friend(1)], [])
    store.applyPresence(1, 10)
    store.applyPresence(1, 30)
    vi.advanceTimersByTime(CHANGES_BATCH_MS)
    expect(store.byUin.get(1)?.status).toBe(30)
  })

  it('applies one friend’s change to that row alone, and ignores one not on the list', () => {
    const store = useFriendsStore()
    store.applyFriends(
      Array.from({ length: 5000 }, (_, i) => friend(10000 + i)),
      [{ id: 'friends', name: '' }]
    )
    const untouched = store.byUin.get(10001)
    store.applyUpdate(10002, { unread: 3 })
    store.applyUpdate(10002, { remark: 'Bobby' })
    store.applyUpdate(99999, { unread: 1 })
    vi.advanceTimersByTime(CHANGES_BATCH_MS)
    expect(store.byUin.get(10002)).toEqual({ ...friend(10002), unread: 3, remark: 'Bobby' })
    expect(store.byUin.get(10001)).toBe(untouched)
    expect(store.friends).toHaveLength(5000)
    expect(store.unreadTotal).toBe(3)
  })

  it('draws nothing for a message read before the list would have shown it', () => {
    const store = useFriendsStore()
    store.applyFriends([friend(1), friend(2)], [])
    const list = store.friends
    store.applyUpdate(2, { unread: 1 })
    store.applyUpdate(2, { unread: 0 })
    vi.advanceTimersByTime(CHANGES_BATCH_MS)
    expect(store.friends).toBe(list)
  })

  it('drops waiting changes when a whole new list arrives, which has them already', () => {
    const store = useFriendsStore()
    store.applyFriends([friend(1)], [])
    store.applyPresence(1, 10)
    store.applyFriends([{ ...friend(1), status: 30 }], [])
    vi.advanceTimersByTime(CHANGES_BATCH_MS)
    expect(store.byUin.get(1)?.status).toBe(30)
  })
})
