import { STATUS, isStatus, type OnlineFriend } from '../shared/protocol/index.ts'
import type { Friend, FriendChanges, FriendGroup, Status } from '../shared/model.ts'
import type { Emit } from './events.ts'
import type { Contact, ContactStore } from './store/contacts.ts'

/** Presence as friends see it: invisible is reported as offline (6.8). */
export function visibleStatus(status: number): Status {
  return isStatus(status) && status !== STATUS.INVISIBLE ? status : STATUS.OFFLINE
}

/**
 * The buddy list as shown: the stored contacts with their presence, which lives only in
 * memory (nobody is online for a client that is not). Every change goes out as an event.
 */
export class Roster {
  readonly #contacts: ContactStore
  readonly #emit: Emit
  readonly #status = new Map<number, Status>()

  constructor(contacts: ContactStore, emit: Emit) {
    this.#contacts = contacts
    this.#emit = emit
  }

  friends(): Friend[] {
    return this.#contacts.friends().map((contact) => this.#toFriend(contact))
  }

  groups(): FriendGroup[] {
    return this.#contacts.groups()
  }

  isFriend(uin: number): boolean {
    return this.#contacts.get(uin)?.friend === true
  }

  statusOf(uin: number): Status {
    return this.#status.get(uin) ?? STATUS.OFFLINE
  }

  /** The whole list: after friends or groups came or went, a move, or nicks and faces. */
  publish(): void {
    this.#emit({ type: 'friends', friends: this.friends(), groups: this.groups() })
  }

  /** One friend's unread count or remark changed: that alone goes out, not the list. */
  updated(uin: number, changes: FriendChanges): void {
    if (this.isFriend(uin)) this.#emit({ type: 'friend-updated', uin, changes })
  }

  /** A friend's unread count as stored, after it changed. */
  unreadChanged(uin: number): void {
    this.updated(uin, { unread: this.#contacts.get(uin)?.unread ?? 0 })
  }

  /** An `MT=99`: `uin` is now `status`. */
  setPresence(uin: number, status: number): void {
    const next = visibleStatus(status)
    if (this.statusOf(uin) === next) return
    if (next === STATUS.OFFLINE) this.#status.delete(uin)
    else this.#status.set(uin, next)
    if (this.isFriend(uin)) this.#emit({ type: 'presence', uin, status: next })
  }

  /** A full `Query_Stat`: these are online, every other friend is offline. */
  setOnline(online: readonly OnlineFriend[]): void {
    const byUin = new Map(online.map((friend) => [friend.uin, friend]))
    let detailsChanged = false
    for (const { nick, face, uin } of online) {
      if (this.isFriend(uin))
        detailsChanged = this.#contacts.setDetails(uin, nick, face) || detailsChanged
    }
    if (detailsChanged) this.publish()
    const known = new Set([...this.#status.keys(), ...byUin.keys()])
    for (const uin of known) this.setPresence(uin, byUin.get(uin)?.status ?? STATUS.OFFLINE)
  }

  /** We went offline: so, as far as we can know, did everyone. */
  allOffline(): void {
    for (const uin of [...this.#status.keys()]) this.setPresence(uin, STATUS.OFFLINE)
  }

  #toFriend(contact: Contact): Friend {
    return {
      uin: contact.uin,
      nick: contact.nick === '' ? String(contact.uin) : contact.nick,
      face: contact.face,
      status: this.statusOf(contact.uin),
      remark: contact.remark,
      groupId: contact.groupId,
      unread: contact.unread
    }
  }
}
