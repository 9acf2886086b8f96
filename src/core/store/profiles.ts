import type { DatabaseSync } from 'node:sqlite'
import type { Profile } from '../../shared/model.ts'
import { numberColumn, textColumn } from './rows.ts'

function parseFields(json: string): Record<string, string> {
  const fields: Record<string, string> = {}
  try {
    const parsed: unknown = JSON.parse(json)
    if (typeof parsed !== 'object' || parsed === null) return fields
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'string') fields[key] = value
    }
  } catch {
    // A damaged cache entry is as good as none: the next look-up fetches it again.
  }
  return fields
}

/** Full profiles (GetInfo level 3) as last fetched, so a card opens at once and offline. */
export class ProfileStore {
  readonly #db: DatabaseSync

  constructor(db: DatabaseSync) {
    this.#db = db
  }

  get(uin: number): Profile | undefined {
    const row = this.#db.prepare('SELECT * FROM profiles WHERE uin = ?').get(uin)
    if (row === undefined) return undefined
    return {
      uin,
      fields: parseFields(textColumn(row, 'fields')),
      fetchedAt: numberColumn(row, 'fetched_at')
    }
  }

  put(profile: Profile): void {
    this.#db
      .prepare(
        `INSERT INTO profiles (uin, fields, fetched_at) VALUES (?, ?, ?)
         ON CONFLICT (uin) DO UPDATE SET fields = excluded.fields, fetched_at = excluded.fetched_at`
      )
      .run(profile.uin, JSON.stringify(profile.fields), profile.fetchedAt)
  }
}
