import { randomUUID } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import type { SystemMessage, SystemMessageKind } from '../../../shared/model.ts'
import { numberColumn, textColumn, type Row } from './rows.ts'

const KINDS: readonly SystemMessageKind[] = ['request', 'accepted', 'refused']
/** What a freshly opened window gets; older ones stay in the file. */
const RECENT = 200

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

/** Friend requests and their answers, deduplicated like chat messages. */
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
    return changes === 0 ? undefined : this.#get(id)
  }

  /** Oldest first. */
  recent(): SystemMessage[] {
    return this.#db
      .prepare(
        `SELECT * FROM (SELECT * FROM system_messages ORDER BY seq DESC LIMIT ?) ORDER BY seq`
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

  #get(id: string): SystemMessage | undefined {
    const row = this.#db.prepare('SELECT * FROM system_messages WHERE id = ?').get(id)
    return row === undefined ? undefined : toSystemMessage(row)
  }
}
