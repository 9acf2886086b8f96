import type { QueuedMessage } from './types.ts'

/**
 * A queued message as both engines' `messages` table returns it, read with MESSAGE_COLUMNS.
 * Its text is BYTEA in PostgreSQL (a Buffer) and TEXT in SQLite (a string).
 */
export interface MessageRow {
  id: number
  type: number
  sender: number
  text: Buffer | string
  time: number
  batch: number | null
}

export const MESSAGE_COLUMNS = 'id, type, sender, text, time, batch'

export const toMessage = (row: MessageRow): QueuedMessage => ({
  type: row.type,
  from: row.sender,
  // A Buffer's toString is UTF-8; a string's is itself.
  text: row.text.toString(),
  time: row.time
})
