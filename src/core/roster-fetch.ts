import type { OnlineFriend, ProfileFields } from '../shared/protocol/index.ts'
import { readAllPages } from './paging.ts'
import { codeOf } from './results.ts'
import type { Roster } from './roster.ts'
import type { Session } from './session.ts'
import type { ContactStore } from './store/contacts.ts'

/*
 * Fetching the buddy list from the server: the list (`List`), who is online (`Query_Stat`)
 * and nicks and faces (`GetInfo`), put into the Roster (roster.ts), which holds it in memory.
 */

/** Details fetched at once at login: enough to be quick, few enough not to flood a server. */
const DETAIL_REQUESTS_AT_ONCE = 3

export function fetchFriendList(session: Session): Promise<number[]> {
  return readAllPages(
    async (count, after) => session.request({ cmd: 'List', count, after }),
    (uin) => uin
  )
}

export function fetchOnline(session: Session): Promise<OnlineFriend[]> {
  return readAllPages(
    async (count, after) => session.request({ cmd: 'Query_Stat', count, after }),
    (friend) => friend.uin
  )
}

/** Nick and face as a GetInfo reply gives them; a face that is not a number is face 0. */
export function detailsOf(fields: ProfileFields): { nick: string; face: number } {
  const face = Number(fields.FC)
  return { nick: fields.NK ?? '', face: Number.isSafeInteger(face) ? face : 0 }
}

/** Nick and face of one person (GetInfo level 2: the brief level 1 has no face). */
export async function fetchDetails(
  session: Session,
  uin: number
): Promise<{ nick: string; face: number }> {
  const { fields } = await session.request({ cmd: 'GetInfo', level: 2, target: uin })
  return detailsOf(fields)
}

export async function refreshPresence(session: Session, roster: Roster): Promise<void> {
  roster.setOnline(await fetchOnline(session))
}

/**
 * A friend just added (or who just accepted me): a `Query_Stat` at once, rather than at the
 * next refresh up to a minute away, shows them online with their nick and face; only one
 * who is offline needs a `GetInfo` for those.
 */
export async function welcomeFriend(
  session: Session,
  roster: Roster,
  contacts: ContactStore,
  uin: number
): Promise<void> {
  const online = await fetchOnline(session)
  roster.setOnline(online)
  if (!online.some((friend) => friend.uin === uin))
    await updateDetails(session, roster, contacts, [uin])
}

/**
 * At login: the list (the server's truth about who is a friend) and who is online, with
 * their nick and face. Returns the friends whose nick and face are still to be fetched.
 */
export async function syncRoster(
  session: Session,
  roster: Roster,
  contacts: ContactStore
): Promise<number[]> {
  contacts.setFriends(await fetchFriendList(session))
  roster.publish()
  const online = await fetchOnline(session)
  roster.setOnline(online)
  const onlineUins = new Set(online.map((friend) => friend.uin))
  return contacts
    .friends()
    .filter((friend) => !onlineUins.has(friend.uin))
    .map((friend) => friend.uin)
}

export async function updateDetails(
  session: Session,
  roster: Roster,
  contacts: ContactStore,
  uins: readonly number[]
): Promise<void> {
  const queue = [...uins]
  let changed = false
  const worker = async () => {
    for (let uin = queue.shift(); uin !== undefined; uin = queue.shift()) {
      try {
        const { nick, face } = await fetchDetails(session, uin)
        changed = contacts.setDetails(uin, nick, face) || changed
      } catch (error) {
        // A friend whose number no longer exists keeps what we knew; anything else stops.
        if (codeOf(error) !== 'INVALID_UIN') throw error
      }
    }
  }
  await Promise.all(Array.from({ length: DETAIL_REQUESTS_AT_ONCE }, worker))
  if (changed) roster.publish()
}
