import { randomUUID } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import type { ChatMessage, MessageState } from '../../shared/model.ts'
import { numberColumn, optionalText, textColumn, type Row } from './rows.ts'

const STATES: readonly MessageState[] = ['pending', 'sent', 'failed', 'unknown', 'received']
const SEARCH_LIMIT = 200
/** FTS5's trigram index finds substrings of three characters or more; shorter ones scan. */
const TRIGRAM = 3

function toMessage(row: Row): ChatMessage {
  const state = STATES.find((s) => s === row.state) ?? 'unknown'
  const error = optionalText(row, 'error')
  return {
    id: textColumn(row, 'id'),
    peer: numberColumn(row, 'peer'),
    direction: row.direction === 'out' ? 'out' : 'in',
    text: textColumn(row, 'text'),
    time: numberColumn(row, 'time'),
    state,
    ...(error === undefined ? {} : { error }),
    ...(numberColumn(row, 'auto') === 1 ? { auto: true } : {})
  }
}

export interface ReceivedMessage {
  readonly peer: number
  readonly text: string
  readonly time: number
  /** An automatic answer from the other side. */
  readonly auto?: boolean
  /** Where in which batch it came; undefined from a server without acknowledged batches. */
  readonly source: string | undefined
}

export interface OutboxEntry {
  readonly message: ChatMessage
  /** Parts of a long message the server has already accepted. */
  readonly partsSent: number
}

/** Chat history of one account: what came in, what goes out, and the outbox's bookkeeping. */
export class MessageStore {
  readonly #db: DatabaseSync

  constructor(db: DatabaseSync) {
    this.#db = db
  }

  addOutgoing(peer: number, text: string, time: number, auto: boolean): ChatMessage {
    const id = randomUUID()
    this.#db
      .prepare(
        `INSERT INTO messages (id, peer, direction, text, time, state, auto)
         VALUES (?, ?, 'out', ?, ?, 'pending', ?)`
      )
      .run(id, peer, text, time, auto ? 1 : 0)
    return this.#require(id)
  }

  /** The stored message, or undefined when this batch place was stored before. */
  addReceived({ peer, text, time, auto, source }: ReceivedMessage): ChatMessage | undefined {
    const id = randomUUID()
    const { changes } = this.#db
      .prepare(
        `INSERT OR IGNORE INTO messages (id, peer, direction, text, time, state, auto, source)
         VALUES (?, ?, 'in', ?, ?, 'received', ?, ?)`
      )
      .run(id, peer, text, time, auto === true ? 1 : 0, source ?? null)
    return changes === 0 ? undefined : this.#require(id)
  }

  get(id: string): ChatMessage | undefined {
    const row = this.#db.prepare('SELECT * FROM messages WHERE id = ?').get(id)
    return row === undefined ? undefined : toMessage(row)
  }

  /**
   * Newest first, older than `before` (a message id), at most `limit`; in one conversation,
   * or (peer null) across all of them. Keyset paging on `seq`, so a page costs the same
   * however far back it is.
   */
  page(peer: number | null, before: string | null, limit: number): ChatMessage[] {
    const inPeer = peer === null ? '' : 'AND peer = $peer'
    const older = before === null ? '' : 'AND seq < (SELECT seq FROM messages WHERE id = $before)'
    const params = {
      $limit: limit,
      ...(peer === null ? {} : { $peer: peer }),
      ...(before === null ? {} : { $before: before })
    }
    return this.#db
      .prepare(`SELECT * FROM messages WHERE 1 ${inPeer} ${older} ORDER BY seq DESC LIMIT $limit`)
      .all(params)
      .map(toMessage)
  }

  /** Messages containing `text` (any case), newest first, in one conversation or all. */
  search(text: string, peer: number | null): ChatMessage[] {
    const inPeer = peer === null ? '' : 'AND m.peer = $peer'
    const usesIndex = [...text].length >= TRIGRAM
    const sql = usesIndex
      ? `SELECT m.* FROM messages_fts f JOIN messages m ON m.seq = f.rowid
         WHERE messages_fts MATCH $query ${inPeer} ORDER BY m.seq DESC LIMIT $limit`
      : `SELECT m.* FROM messages m WHERE instr(lower(m.text), lower($query)) > 0
         ${inPeer} ORDER BY m.seq DESC LIMIT $limit`
    // A quoted FTS5 phrase matches the text literally, whatever operators it contains.
    const query = usesIndex ? `"${text.replaceAll('"', '""')}"` : text
    const params = { $query: query, $limit: SEARCH_LIMIT }
    return this.#db
      .prepare(sql)
      .all(peer === null ? params : { ...params, $peer: peer })
      .map(toMessage)
  }

  /** Every message, oldest first, of one conversation or all of them (for export). */
  all(peer: number | null): ChatMessage[] {
    const rows =
      peer === null
        ? this.#db.prepare('SELECT * FROM messages ORDER BY peer, seq').all()
        : this.#db.prepare('SELECT * FROM messages WHERE peer = ? ORDER BY seq').all(peer)
    return rows.map(toMessage)
  }

  /** The oldest message waiting to be sent. */
  nextPending(): OutboxEntry | undefined {
    const row = this.#db
      .prepare("SELECT * FROM messages WHERE state = 'pending' ORDER BY seq LIMIT 1")
      .get()
    return row === undefined
      ? undefined
      : { message: toMessage(row), partsSent: numberColumn(row, 'parts_sent') }
  }

  /** Written before a part goes on the wire: a crash from here on leaves its outcome unknown. */
  markInFlight(id: string, inFlight: boolean): void {
    this.#db.prepare('UPDATE messages SET in_flight = ? WHERE id = ?').run(inFlight ? 1 : 0, id)
  }

  /** The server accepted part `partsSent`; with the last one the message is sent. */
  markPartSent(id: string, partsSent: number, done: boolean): ChatMessage {
    this.#db
      .prepare(
        `UPDATE messages SET parts_sent = ?, in_flight = 0, state = ?, error = NULL WHERE id = ?`
      )
      .run(partsSent, done ? 'sent' : 'pending', id)
    return this.#require(id)
  }

  setState(id: string, state: MessageState, error?: string): ChatMessage {
    this.#db
      .prepare('UPDATE messages SET state = ?, error = ?, in_flight = 0 WHERE id = ?')
      .run(state, error ?? null, id)
    return this.#require(id)
  }

  /**
   * After a crash: a part that was on the wire may or may not have arrived. Such messages
   * become `unknown` for the user to retry, never resent blindly.
   */
  recoverInterrupted(): ChatMessage[] {
    const rows = this.#db
      .prepare("SELECT id FROM messages WHERE state = 'pending' AND in_flight = 1")
      .all()
    return rows.map((row) => this.setState(textColumn(row, 'id'), 'unknown', 'UNKNOWN_OUTCOME'))
  }

  #require(id: string): ChatMessage {
    const message = this.get(id)
    if (message === undefined) throw new Error(`message ${id} vanished`)
    return message
  }
}
