import { randomUUID } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import { DEFAULT_GROUP_ID, type FriendGroup } from '../../shared/model.ts'
import { transaction } from '../../sqlite/transaction.ts'
import { numberColumn, textColumn, type Row } from './rows.ts'

/** What this client keeps about a person: the server's nick and face, and our own extras. */
export interface Contact {
  readonly uin: number
  /** On my server-side friend list. Strangers who wrote to me are contacts too. */
  readonly friend: boolean
  readonly nick: string
  readonly face: number
  readonly remark: string
  readonly groupId: string
  readonly unread: number
}

function toContact(row: Row): Contact {
  return {
    uin: numberColumn(row, 'uin'),
    friend: numberColumn(row, 'friend') === 1,
    nick: textColumn(row, 'nick'),
    face: numberColumn(row, 'face'),
    remark: textColumn(row, 'remark'),
    groupId: textColumn(row, 'group_id'),
    unread: numberColumn(row, 'unread')
  }
}

/**
 * Contacts and the local groups they sit in. The protocol has no groups, remarks or unread
 * counts, so they live here, per account.
 */
export class ContactStore {
  readonly #db: DatabaseSync

  constructor(db: DatabaseSync) {
    this.#db = db
  }

  friends(): Contact[] {
    return this.#db
      .prepare('SELECT * FROM contacts WHERE friend = 1 ORDER BY uin')
      .all()
      .map(toContact)
  }

  get(uin: number): Contact | undefined {
    const row = this.#db.prepare('SELECT * FROM contacts WHERE uin = ?').get(uin)
    return row === undefined ? undefined : toContact(row)
  }

  /** The server's list is the truth about who is a friend; local extras are kept. */
  setFriends(uins: readonly number[]): void {
    transaction(this.#db, () => {
      this.#db.exec('UPDATE contacts SET friend = 0')
      for (const uin of uins) this.setFriend(uin, true)
    })
  }

  setFriend(uin: number, friend: boolean): void {
    this.#db
      .prepare(
        `INSERT INTO contacts (uin, friend) VALUES (?, ?)
         ON CONFLICT (uin) DO UPDATE SET friend = excluded.friend`
      )
      .run(uin, friend ? 1 : 0)
  }

  /** Returns whether anything changed. */
  setDetails(uin: number, nick: string, face: number): boolean {
    const { changes } = this.#db
      .prepare(
        `INSERT INTO contacts (uin, nick, face) VALUES (?, ?, ?)
         ON CONFLICT (uin) DO UPDATE SET nick = excluded.nick, face = excluded.face
         WHERE nick IS NOT excluded.nick OR face IS NOT excluded.face`
      )
      .run(uin, nick, face)
    return changes > 0
  }

  setRemark(uin: number, remark: string): void {
    this.#db.prepare('UPDATE contacts SET remark = ? WHERE uin = ?').run(remark, uin)
  }

  moveTo(uin: number, groupId: string): void {
    this.#db.prepare('UPDATE contacts SET group_id = ? WHERE uin = ?').run(groupId, uin)
  }

  addUnread(uin: number): void {
    this.#db
      .prepare(
        `INSERT INTO contacts (uin, unread) VALUES (?, 1)
         ON CONFLICT (uin) DO UPDATE SET unread = unread + 1`
      )
      .run(uin)
  }

  /** Returns whether there was anything unread. */
  clearUnread(uin: number): boolean {
    return (
      this.#db.prepare('UPDATE contacts SET unread = 0 WHERE uin = ? AND unread > 0').run(uin)
        .changes > 0
    )
  }

  groups(): FriendGroup[] {
    return this.#db
      .prepare('SELECT id, name FROM friend_groups ORDER BY position, rowid')
      .all()
      .map((row) => ({ id: textColumn(row, 'id'), name: textColumn(row, 'name') }))
  }

  hasGroup(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM friend_groups WHERE id = ?').get(id) !== undefined
  }

  createGroup(name: string): FriendGroup {
    const id = `group-${randomUUID()}`
    this.#db
      .prepare(
        `INSERT INTO friend_groups (id, name, position)
         VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM friend_groups))`
      )
      .run(id, name)
    return { id, name }
  }

  /** Returns whether the group exists. */
  renameGroup(id: string, name: string): boolean {
    return (
      this.#db.prepare('UPDATE friend_groups SET name = ? WHERE id = ?').run(name, id).changes > 0
    )
  }

  /** Its members move to the default group. Returns whether the group existed. */
  deleteGroup(id: string): boolean {
    return transaction(this.#db, () => {
      this.#db
        .prepare('UPDATE contacts SET group_id = ? WHERE group_id = ?')
        .run(DEFAULT_GROUP_ID, id)
      return this.#db.prepare('DELETE FROM friend_groups WHERE id = ?').run(id).changes > 0
    })
  }
}
