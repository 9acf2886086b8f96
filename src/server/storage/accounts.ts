import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { PROFILE_KEYS_FULL, type AddPolicy } from '../../shared/protocol/index.ts'

/** The GetInfo keys an account's profile holds; `FC`, `NK`, `LV` and `UN` come from elsewhere. */
export const PROFILE_FIELDS: readonly string[] = PROFILE_KEYS_FULL.filter(
  (key) => !['FC', 'NK', 'LV', 'UN'].includes(key)
)

export type ProfileValues = Readonly<Record<string, string>>

export interface Account {
  readonly uin: number
  readonly nick: string
  readonly face: number
  readonly policy: AddPolicy
  readonly profile: ProfileValues
}

export interface NewAccount extends Omit<Account, 'profile'> {
  readonly passwordHash: string
  /** Unknown keys are dropped; numbers are kept as text. */
  readonly profile: Readonly<Record<string, unknown>>
}

interface AccountRow {
  uin: number
  nick: string
  face: number
  policy: number
  profile: string
}

/** Keeps only the profile keys GetInfo knows, in a prototype-free object. */
export function cleanProfile(values: Readonly<Record<string, unknown>>): ProfileValues {
  const profile: Record<string, string> = Object.create(null)
  for (const key of PROFILE_FIELDS) {
    const value = Object.hasOwn(values, key) ? values[key] : undefined
    if (typeof value === 'string' || typeof value === 'number') profile[key] = String(value)
  }
  return profile
}

function fromRow(row: AccountRow): Account {
  const stored: unknown = JSON.parse(row.profile)
  return {
    uin: row.uin,
    nick: row.nick,
    face: row.face,
    policy: row.policy as AddPolicy,
    profile: cleanProfile(
      typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
    )
  }
}

/** Accounts as kept in SQLite: every GetInfo field, the add policy and the password hash. */
export class Accounts {
  readonly #get: StatementSync
  readonly #hash: StatementSync
  readonly #exists: StatementSync
  readonly #insert: StatementSync
  readonly #setHash: StatementSync
  readonly #remove: StatementSync
  readonly #all: StatementSync
  readonly #count: StatementSync

  constructor(db: DatabaseSync) {
    this.#get = db.prepare('SELECT uin, nick, face, policy, profile FROM accounts WHERE uin = ?')
    this.#hash = db.prepare('SELECT password_hash AS hash FROM accounts WHERE uin = ?')
    this.#exists = db.prepare('SELECT 1 AS found FROM accounts WHERE uin = ?')
    this.#insert = db.prepare(
      'INSERT INTO accounts (uin, password_hash, nick, face, policy, profile) VALUES (?, ?, ?, ?, ?, ?)'
    )
    this.#setHash = db.prepare('UPDATE accounts SET password_hash = ? WHERE uin = ?')
    this.#remove = db.prepare('DELETE FROM accounts WHERE uin = ?')
    this.#all = db.prepare('SELECT uin, nick, face, policy, profile FROM accounts ORDER BY uin')
    this.#count = db.prepare('SELECT count(*) AS count FROM accounts')
  }

  get(uin: number): Account | undefined {
    const row = this.#get.get(uin) as AccountRow | undefined
    return row && fromRow(row)
  }

  exists(uin: number): boolean {
    return this.#exists.get(uin) !== undefined
  }

  passwordHash(uin: number): string | undefined {
    return (this.#hash.get(uin) as { hash: string } | undefined)?.hash
  }

  add(account: NewAccount): void {
    const { uin, passwordHash, nick, face, policy, profile } = account
    this.#insert.run(uin, passwordHash, nick, face, policy, JSON.stringify(cleanProfile(profile)))
  }

  /** Returns whether the account exists. */
  setPasswordHash(uin: number, passwordHash: string): boolean {
    return this.#setHash.run(passwordHash, uin).changes > 0
  }

  /** Removes the account with its list, its queue and its place on others' lists. */
  remove(uin: number): boolean {
    return this.#remove.run(uin).changes > 0
  }

  all(): Account[] {
    return (this.#all.all() as unknown as AccountRow[]).map(fromRow)
  }

  count(): number {
    return (this.#count.get() as { count: number }).count
  }
}
