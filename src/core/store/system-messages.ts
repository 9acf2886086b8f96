import { randomUUID } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import type { SystemMessage, SystemMessageKind } from '../../shared/model.ts'
import { numberColumn, textColumn, type Row } from './rows.ts'

const KINDS: readonly SystemMessageKind[] = ['request', 'accepted', 'refused', 'online']
/** What a freshly opened window gets of requests and answers; older ones stay in the file. */
const RECENT = 200
/**
 * Friends coming online are many and soon stale: only the newest are kept. More than one
 * reply's worth (50 messages), so a batch sent again never finds its own notices pruned.
 */
export const ONLINE_NOTICES_KEPT = 100

function toSystemMessage(row: Row): SystemMessage {
  const answer = row.answer === 'accepted' || row.answer === 'refused' ? row.answer : undefined
  return {
    id: textColumn(row, 'id'),
    kind: KINDS.find((kind) => kind === row.kind) ?? 'request',
    from: numberColumn(row, 'from_uin'),
    text: textColumn(row, 'text'),
    time: numberColumn(row, 'time'),
    ...(answer === undefined ? {} : { answer })
  }
}

export interface ReceivedSystemMessage {
  readonly kind: SystemMessageKind
  readonly from: number
  readonly text: string
  readonly time: number
  readonly source: string | undefined
}

/** Friend requests, their answers and friends coming online, deduplicated like chat messages. */
export class SystemMessageStore {
  readonly #db: DatabaseSync

  constructor(db: DatabaseSync) {
    this.#db = db
  }

  /** The stored message, or undefined when this batch place was stored before. */
  add({ kind, from, text, time, source }: ReceivedSystemMessage): SystemMessage | undefined {
    const id = randomUUID()
    const { changes } = this.#db
      .prepare(
        `INSERT OR IGNORE INTO system_messages (id, kind, from_uin, text, time, source)
         VALUES (?, ?, ?, ?, ?, ?)`
      )
      .run(id, kind, from, text, time, source ?? null)
    if (changes === 0) return undefined
    if (kind === 'online') this.#pruneOnlineNotices()
    return this.#get(id)
  }

  /** Oldest first: the recent requests and answers, and every online notice kept. */
  recent(): SystemMessage[] {
    return this.#db
      .prepare(
        `SELECT * FROM (
           SELECT * FROM system_messages WHERE kind != 'online' ORDER BY seq DESC LIMIT ?
         )
         UNION ALL SELECT * FROM system_messages WHERE kind = 'online'
         ORDER BY seq`
      )
      .all(RECENT)
      .map(toSystemMessage)
  }

  /** Records the answer on every unanswered request from `from`; returns the changed ones. */
  answer(from: number, answer: 'accepted' | 'refused'): SystemMessage[] {
    const rows = this.#db
      .prepare(
        `UPDATE system_messages SET answer = ?
         WHERE from_uin = ? AND kind = 'request' AND answer IS NULL RETURNING *`
      )
      .all(answer, from)
    return rows.map(toSystemMessage)
  }

  #pruneOnlineNotices(): void {
    this.#db
      .prepare(
        `DELETE FROM system_messages WHERE kind = 'online' AND seq <= (
           SELECT seq FROM system_messages WHERE kind = 'online' ORDER BY seq DESC LIMIT 1 OFFSET ?
         )`
      )
      .run(ONLINE_NOTICES_KEPT)
  }

  #get(id: string): SystemMessage | undefined {
    const row = this.#db.prepare('SELECT * FROM system_messages WHERE id = ?').get(id)
    return row === undefined ? undefined : toSystemMessage(row)
  }
}
