import { displayName } from '../../../shared/display-name.ts'
import {
  DEFAULT_GROUP_ID,
  type Friend,
  type FriendGroup,
  type Language
} from '../../../shared/model.ts'
import { STATUS } from '../../../shared/protocol/dictionaries.ts'

export interface GroupRow {
  readonly kind: 'group'
  readonly key: string
  readonly group: FriendGroup
  readonly online: number
  readonly total: number
  readonly collapsed: boolean
}

export interface FriendRow {
  readonly kind: 'friend'
  readonly key: string
  readonly friend: Friend
  readonly name: string
}

export type BuddyRow = GroupRow | FriendRow

/** Online first, then busy, then offline (and invisible, which the server reports offline). */
const statusRank = (friend: Friend): number =>
  friend.status === STATUS.ONLINE ? 0 : friend.status === STATUS.BUSY ? 1 : 2

const isOnline = (friend: Friend): boolean =>
  friend.status === STATUS.ONLINE || friend.status === STATUS.BUSY

const collators = new Map<Language, Intl.Collator>()
/** Chinese names sort by pinyin, numbers inside names by value. */
function collator(language: Language): Intl.Collator {
  let found = collators.get(language)
  if (!found) {
    found = new Intl.Collator(language === 'zh' ? 'zh-Hans-CN' : 'en', { numeric: true })
    collators.set(language, found)
  }
  return found
}

function sortedRows(friends: readonly Friend[], language: Language): FriendRow[] {
  const compare = collator(language).compare
  return friends
    .map((friend): FriendRow => ({
      kind: 'friend',
      key: `f${friend.uin}`,
      friend,
      name: displayName(friend)
    }))
    .sort(
      (a, b) =>
        statusRank(a.friend) - statusRank(b.friend) ||
        compare(a.name, b.name) ||
        a.friend.uin - b.friend.uin
    )
}

export function matchesQuery(friend: Friend, query: string): boolean {
  const needle = query.trim().toLowerCase()
  return (
    needle === '' ||
    String(friend.uin).includes(needle) ||
    friend.nick.toLowerCase().includes(needle) ||
    friend.remark.toLowerCase().includes(needle)
  )
}

export interface RowOptions {
  readonly query: string
  readonly collapsed: ReadonlySet<string>
  readonly language: Language
}

/**
 * The rows of the buddy list, top to bottom. Browsing: each group's header with its
 * online/total count, then (unless collapsed) its friends in order. Searching: the
 * matching friends only, in the same order, without groups.
 */
export function buddyRows(
  friends: readonly Friend[],
  groups: readonly FriendGroup[],
  { query, collapsed, language }: RowOptions
): BuddyRow[] {
  if (query.trim() !== '')
    return sortedRows(
      friends.filter((friend) => matchesQuery(friend, query)),
      language
    )
  // The default group always shows, even if the list of groups left it out.
  const allGroups = groups.some((group) => group.id === DEFAULT_GROUP_ID)
    ? groups
    : [{ id: DEFAULT_GROUP_ID, name: '' }, ...groups]
  const known = new Set(allGroups.map((group) => group.id))
  const members = new Map<string, Friend[]>(allGroups.map((group) => [group.id, []]))
  for (const friend of friends) {
    // A friend in a group that no longer exists shows in the default one.
    const groupId = known.has(friend.groupId) ? friend.groupId : DEFAULT_GROUP_ID
    members.get(groupId)?.push(friend)
  }
  return allGroups.flatMap((group): BuddyRow[] => {
    const inGroup = members.get(group.id) ?? []
    const header: GroupRow = {
      kind: 'group',
      key: `g${group.id}`,
      group,
      online: inGroup.filter(isOnline).length,
      total: inGroup.length,
      collapsed: collapsed.has(group.id)
    }
    return collapsed.has(group.id) ? [header] : [header, ...sortedRows(inGroup, language)]
  })
}
