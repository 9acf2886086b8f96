import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { AppError, Result } from '../../../shared/errors.ts'
import {
  DEFAULT_GROUP_ID,
  type Friend,
  type FriendChanges,
  type FriendGroup,
  type Status
} from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'

/**
 * Changes to single friends (presence, unread counts, remarks) come one event at a time, and
 * after a login hundreds at once: they are gathered for this long and applied together, so
 * the list sorts and draws once, not once per friend. A message read at once in its open chat
 * (its count goes up and back to 0) then changes nothing to draw.
 */
export const CHANGES_BATCH_MS = 50

type PendingChanges = FriendChanges & Partial<Pick<Friend, 'status'>>

const differs = (friend: Friend, changes: PendingChanges): boolean =>
  (Object.keys(changes) as (keyof PendingChanges)[]).some((key) => friend[key] !== changes[key])

/**
 * My friends and local groups. Kept as replaced (not deeply reactive) arrays: with 5,000
 * friends, a batch of presence changes costs one array copy instead of 5,000 proxies.
 */
export const useFriendsStore = defineStore('friends', () => {
  const qq = bridge()
  const friends = shallowRef<readonly Friend[]>([])
  const groups = shallowRef<readonly FriendGroup[]>([])
  const error = shallowRef<AppError | null>(null)

  const byUin = computed(() => new Map(friends.value.map((friend) => [friend.uin, friend])))
  const unreadTotal = computed(() => friends.value.reduce((sum, friend) => sum + friend.unread, 0))

  function applyFriends(nextFriends: readonly Friend[], nextGroups: readonly FriendGroup[]): void {
    friends.value = nextFriends
    groups.value = nextGroups
    // Every change waiting came before this list, which already has it.
    pending.clear()
  }

  function update(uin: number, change: (friend: Friend) => Friend): void {
    const index = friends.value.findIndex((friend) => friend.uin === uin)
    const friend = friends.value[index]
    if (friend === undefined) return
    const next = friends.value.slice()
    next[index] = change(friend)
    friends.value = next
  }

  const pending = new Map<number, PendingChanges>()
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush(): void {
    timer = undefined
    let changed = false
    const next = friends.value.map((friend) => {
      const changes = pending.get(friend.uin)
      if (changes === undefined || !differs(friend, changes)) return friend
      changed = true
      return { ...friend, ...changes }
    })
    pending.clear()
    if (changed) friends.value = next
  }

  function queue(uin: number, changes: PendingChanges): void {
    pending.set(uin, { ...pending.get(uin), ...changes })
    timer ??= setTimeout(flush, CHANGES_BATCH_MS)
  }

  const applyPresence = (uin: number, status: Status): void => queue(uin, { status })
  /** A `friend-updated`: that friend's row changes, the rest of the list stays as it is. */
  const applyUpdate = (uin: number, changes: FriendChanges): void => queue(uin, changes)

  /** Runs a call; on failure keeps its error for the window to show. */
  async function run<T>(call: Promise<Result<T>>): Promise<Result<T>> {
    const result = await call
    error.value = result.ok ? null : result.error
    return result
  }

  // After a call succeeds the list changes here at once; the core's event that follows
  // (the new list, or the one friend's change) brings the same state.
  return {
    friends,
    groups,
    error,
    byUin,
    unreadTotal,
    applyFriends,
    applyPresence,
    applyUpdate,
    /** Asks to add `uin`; the outcome depends on their policy (added, verify, refused). */
    add: (uin: number, reason: string) => run(qq.addFriend(uin, reason)),
    async remove(uin: number) {
      const result = await run(qq.removeFriend(uin))
      if (result.ok) friends.value = friends.value.filter((friend) => friend.uin !== uin)
      return result
    },
    async setRemark(uin: number, remark: string) {
      const result = await run(qq.setRemark(uin, remark))
      if (result.ok) update(uin, (friend) => ({ ...friend, remark }))
      return result
    },
    async move(uin: number, groupId: string) {
      const result = await run(qq.moveFriend(uin, groupId))
      if (result.ok) update(uin, (friend) => ({ ...friend, groupId }))
      return result
    },
    async markRead(uin: number) {
      const result = await run(qq.markRead(uin))
      if (result.ok) update(uin, (friend) => ({ ...friend, unread: 0 }))
      return result
    },
    async createGroup(name: string) {
      const result = await run(qq.createGroup(name))
      if (result.ok && !groups.value.some((group) => group.id === result.value.id))
        groups.value = [...groups.value, result.value]
      return result
    },
    async renameGroup(id: string, name: string) {
      const result = await run(qq.renameGroup(id, name))
      if (result.ok)
        groups.value = groups.value.map((group) => (group.id === id ? { ...group, name } : group))
      return result
    },
    async deleteGroup(id: string) {
      const result = await run(qq.deleteGroup(id))
      if (result.ok) {
        groups.value = groups.value.filter((group) => group.id !== id)
        friends.value = friends.value.map((friend) =>
          friend.groupId === id ? { ...friend, groupId: DEFAULT_GROUP_ID } : friend
        )
      }
      return result
    }
  }
})
