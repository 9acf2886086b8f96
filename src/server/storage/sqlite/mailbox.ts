import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { MAX_MESSAGES_PER_REPLY } from '../../../shared/protocol/index.ts'
import { transaction } from '../../../sqlite/transaction.ts'
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from '../message-row.ts'
import {
  MAX_QUEUED,
  type Batch,
  type Delivery,
  type MailboxStore,
  type QueuedMessage
} from '../types.ts'

/**
 * Every user's queue of messages, in SQLite: a message is committed before the command
 * that sent it is answered. A batch's id is the id of its last message, so ids only grow.
 */
export class SqliteMailbox implements MailboxStore {
  readonly #db: DatabaseSync
  readonly #insert: StatementSync
  readonly #trim: StatementSync
  readonly #oldest: StatementSync
  readonly #deleteUpTo: StatementSync
  readonly #pending: StatementSync
  readonly #fresh: StatementSync
  readonly #mark: StatementSync
  readonly #deleteBatch: StatementSync
  readonly #count: StatementSync
  /**
   * Users known to have nothing queued, so that the most frequent request of all, a poll of
   * an empty queue, does not reach SQLite. Only this process adds messages, so a user leaves
   * the set exactly when something is delivered to them (SQLite is never shared by nodes).
   */
  readonly #empty = new Set<number>()

  constructor(db: DatabaseSync) {
    this.#db = db
    this.#insert = db.prepare(
      'INSERT INTO messages (recipient, type, sender, text, time) VALUES (?, ?, ?, ?, ?)'
    )
    // Only messages not yet sent in a batch are dropped, so a batch is always re-sent whole.
    this.#trim = db.prepare(
      `DELETE FROM messages WHERE recipient = ?1 AND batch IS NULL AND id <= (
         SELECT id FROM messages WHERE recipient = ?1 AND batch IS NULL
         ORDER BY id DESC LIMIT 1 OFFSET ${MAX_QUEUED})`
    )
    const columns = `SELECT ${MESSAGE_COLUMNS} FROM messages`
    this.#oldest = db.prepare(`${columns} WHERE recipient = ? ORDER BY id LIMIT ?`)
    this.#deleteUpTo = db.prepare('DELETE FROM messages WHERE recipient = ? AND id <= ?')
    this.#pending = db.prepare(
      `${columns} WHERE recipient = ? AND batch IS NOT NULL ORDER BY id LIMIT ${MAX_MESSAGES_PER_REPLY}`
    )
    this.#fresh = db.prepare(
      `${columns} WHERE recipient = ? AND batch IS NULL ORDER BY id LIMIT ${MAX_MESSAGES_PER_REPLY}`
    )
    this.#mark = db.prepare(
      'UPDATE messages SET batch = ?2 WHERE recipient = ?1 AND batch IS NULL AND id <= ?2'
    )
    this.#deleteBatch = db.prepare('DELETE FROM messages WHERE recipient = ? AND batch = ?')
    this.#count = db.prepare('SELECT count(*) AS count FROM messages WHERE recipient = ?')
  }

  async deliver(deliveries: readonly Delivery[], time: number): Promise<void> {
    if (deliveries.length === 0) return
    transaction(this.#db, () => {
      for (const { recipient, type, from, text } of deliveries) {
        this.#insert.run(recipient, type, from, text, time)
        this.#trim.run(recipient)
      }
    })
    for (const { recipient } of deliveries) this.#empty.delete(recipient)
  }

  async take(recipient: number): Promise<QueuedMessage[]> {
    if (this.#empty.has(recipient)) return []
    const rows = this.#oldest.all(recipient, MAX_MESSAGES_PER_REPLY) as unknown as MessageRow[]
    const last = rows.at(-1)
    if (last) this.#deleteUpTo.run(recipient, last.id)
    if (rows.length < MAX_MESSAGES_PER_REPLY) this.#empty.add(recipient)
    return rows.map(toMessage)
  }

  /**
   * Each write is one statement, so a crash between them leaves at worst messages that are
   * sent again, never lost ones.
   */
  async batch(recipient: number, ack: string): Promise<Batch> {
    if (this.#empty.has(recipient)) return { id: 0, messages: [] }
    const pending = this.#pending.all(recipient) as unknown as MessageRow[]
    const pendingId = pending[0]?.batch
    if (pendingId != null) {
      if (ack !== String(pendingId)) return { id: pendingId, messages: pending.map(toMessage) }
      this.#deleteBatch.run(recipient, pendingId)
    }
    const fresh = this.#fresh.all(recipient) as unknown as MessageRow[]
    const last = fresh.at(-1)
    if (!last) {
      this.#empty.add(recipient)
      return { id: 0, messages: [] }
    }
    this.#mark.run(recipient, last.id)
    return { id: last.id, messages: fresh.map(toMessage) }
  }

  async count(recipient: number): Promise<number> {
    return (this.#count.get(recipient) as { count: number }).count
  }
}
