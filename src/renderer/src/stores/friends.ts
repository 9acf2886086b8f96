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
 * Presence changes come one event at a time, and after a login hundreds at once: they are
 * gathered for this long and applied together, so the list sorts and draws once, not once
 * per friend.
 */
export const PRESENCE_BATCH_MS = 50

/**
 * My friends and local groups. Kept as replaced (not deeply reactive) arrays: with 5,000
 * friends, a batch of presence changes costs one array copy instead of 5,000 proxies.
 */
export const useFriendsStore = defineStore('friends', () => {
  const friends = shallowRef<readonly Friend[]>([])
  const groups = shallowRef<readonly FriendGroup[]>([])
  const error = shallowRef<AppError | null>(null)

  const byUin = computed(() => new Map(friends.value.map((friend) => [friend.uin, friend])))
  const unreadTotal = computed(() => friends.value.reduce((sum, friend) => sum + friend.unread, 0))

  function applyFriends(nextFriends: readonly Friend[], nextGroups: readonly FriendGroup[]): void {
    friends.value = nextFriends
    groups.value = nextGroups
    // Every change waiting came before this list, which already has it.
    pendingPresence.clear()
  }

  function update(uin: number, change: (friend: Friend) => Friend): void {
    const index = friends.value.findIndex((friend) => friend.uin === uin)
    const friend = friends.value[index]
    if (friend === undefined) return
    const next = friends.value.slice()
    next[index] = change(friend)
    friends.value = next
  }

  /** A `friend-updated`: one row changes, the rest of the list stays as it is. */
  function applyUpdate(uin: number, changes: FriendChanges): void {
    update(uin, (friend) => ({ ...friend, ...changes }))
  }

  const pendingPresence = new Map<number, Status>()
  let presenceTimer: ReturnType<typeof setTimeout> | undefined

  function flushPresence(): void {
    presenceTimer = undefined
    if (pendingPresence.size === 0) return
    friends.value = friends.value.map((friend) => {
      const status = pendingPresence.get(friend.uin)
      return status === undefined || status === friend.status ? friend : { ...friend, status }
    })
    pendingPresence.clear()
  }

  function applyPresence(uin: number, status: Status): void {
    pendingPresence.set(uin, status)
    presenceTimer ??= setTimeout(flushPresence, PRESENCE_BATCH_MS)
  }

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
    add: (uin: number, reason: string) => run(bridge().addFriend(uin, reason)),
    async remove(uin: number) {
      const result = await run(bridge().removeFriend(uin))
      if (result.ok) friends.value = friends.value.filter((friend) => friend.uin !== uin)
      return result
    },
    async setRemark(uin: number, remark: string) {
      const result = await run(bridge().setRemark(uin, remark))
      if (result.ok) update(uin, (friend) => ({ ...friend, remark }))
      return result
    },
    async move(uin: number, groupId: string) {
      const result = await run(bridge().moveFriend(uin, groupId))
      if (result.ok) update(uin, (friend) => ({ ...friend, groupId }))
      return result
    },
    async markRead(uin: number) {
      const result = await run(bridge().markRead(uin))
      if (result.ok) update(uin, (friend) => ({ ...friend, unread: 0 }))
      return result
    },
    async createGroup(name: string) {
      const result = await run(bridge().createGroup(name))
      if (result.ok && !groups.value.some((group) => group.id === result.value.id))
        groups.value = [...groups.value, result.value]
      return result
    },
    async renameGroup(id: string, name: string) {
      const result = await run(bridge().renameGroup(id, name))
      if (result.ok)
        groups.value = groups.value.map((group) => (group.id === id ? { ...group, name } : group))
      return result
    },
    async deleteGroup(id: string) {
      const result = await run(bridge().deleteGroup(id))
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
