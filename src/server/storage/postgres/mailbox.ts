import type pg from 'pg'
import { MAX_MESSAGES_PER_REPLY } from '../../../shared/protocol/index.ts'
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from '../message-row.ts'
import {
  MAX_QUEUED,
  type Batch,
  type Delivery,
  type MailboxStore,
  type QueuedMessage
} from '../types.ts'
import { transaction } from './connection.ts'

/**
 * Queues a message and drops the oldest past MAX_QUEUED, in one statement (one round trip,
 * committed on its own). The trim does not see the row inserted beside it, so it keeps one
 * fewer of the others. Only messages not yet sent in a batch are dropped, so a batch is
 * always re-sent whole.
 */
const DELIVER = `WITH added AS (
    INSERT INTO messages (recipient, type, sender, text, time) VALUES ($1, $2, $3, $4, $5)
  )
  DELETE FROM messages WHERE recipient = $1 AND batch IS NULL AND id <= (
    SELECT id FROM messages WHERE recipient = $1 AND batch IS NULL
    ORDER BY id DESC LIMIT 1 OFFSET ${MAX_QUEUED - 1})`

/**
 * Every user's queue in PostgreSQL, shared by every node. Nodes may serve the same user at
 * once (a client that retries elsewhere), so a batch is made under a transaction-scoped
 * advisory lock on its recipient, and messages are marked and removed by their ids, never
 * by a range: a message committed late with a smaller id is never swept into a batch its
 * client was not sent.
 */
export class PostgresMailbox implements MailboxStore {
  readonly #pool: pg.Pool

  constructor(pool: pg.Pool) {
    this.#pool = pool
  }

  async deliver(deliveries: readonly Delivery[], time: number): Promise<void> {
    const values = ({ recipient, type, from, text }: Delivery) => [
      recipient,
      type,
      from,
      Buffer.from(text, 'utf8'),
      time
    ]
    const [only] = deliveries
    if (deliveries.length === 1 && only) {
      await this.#pool.query({ name: 'deliver', text: DELIVER, values: values(only) })
      return
    }
    if (deliveries.length === 0) return
    await transaction(this.#pool, async (client) => {
      for (const delivery of deliveries) {
        await client.query({ name: 'deliver', text: DELIVER, values: values(delivery) })
      }
    })
  }

  /** The poll of an empty queue, the most frequent request of all: one indexed lookup. */
  async #hasMessages(recipient: number): Promise<boolean> {
    const { rowCount } = await this.#pool.query({
      name: 'mailbox-any',
      text: 'SELECT 1 FROM messages WHERE recipient = $1 LIMIT 1',
      values: [recipient]
    })
    return (rowCount ?? 0) > 0
  }

  async take(recipient: number): Promise<QueuedMessage[]> {
    // Two nodes taking at once may pick the same rows; only one deletes each (at most once).
    const { rows } = await this.#pool.query<MessageRow>({
      name: 'mailbox-take',
      text: `DELETE FROM messages WHERE id IN (
               SELECT id FROM messages WHERE recipient = $1 ORDER BY id LIMIT ${MAX_MESSAGES_PER_REPLY}
             ) RETURNING ${MESSAGE_COLUMNS}`,
      values: [recipient]
    })
    return rows.sort((a, b) => a.id - b.id).map(toMessage)
  }

  async batch(recipient: number, ack: string): Promise<Batch> {
    if (!(await this.#hasMessages(recipient))) return { id: 0, messages: [] }
    return transaction(this.#pool, async (client) => {
      await client.query({
        name: 'mailbox-lock',
        text: 'SELECT pg_advisory_xact_lock($1)',
        values: [recipient]
      })
      const pending = await client.query<MessageRow>({
        name: 'mailbox-pending',
        text: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE recipient = $1 AND batch IS NOT NULL
               ORDER BY id LIMIT ${MAX_MESSAGES_PER_REPLY}`,
        values: [recipient]
      })
      const pendingId = pending.rows[0]?.batch
      if (pendingId != null) {
        if (ack !== String(pendingId)) {
          return { id: pendingId, messages: pending.rows.map(toMessage) }
        }
        await client.query({
          name: 'mailbox-ack',
          text: 'DELETE FROM messages WHERE recipient = $1 AND batch = $2',
          values: [recipient, pendingId]
        })
      }
      const fresh = await client.query<MessageRow>({
        name: 'mailbox-fresh',
        text: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE recipient = $1 AND batch IS NULL
               ORDER BY id LIMIT ${MAX_MESSAGES_PER_REPLY}`,
        values: [recipient]
      })
      const last = fresh.rows.at(-1)
      if (!last) return { id: 0, messages: [] }
      await client.query({
        name: 'mailbox-mark',
        text: 'UPDATE messages SET batch = $1 WHERE id = ANY($2::bigint[])',
        values: [last.id, fresh.rows.map((row) => row.id)]
      })
      return { id: last.id, messages: fresh.rows.map(toMessage) }
    })
  }

  async count(recipient: number): Promise<number> {
    const { rows } = await this.#pool.query<{ count: number }>(
      'SELECT count(*) AS count FROM messages WHERE recipient = $1',
      [recipient]
    )
    return rows[0]?.count ?? 0
  }
}
