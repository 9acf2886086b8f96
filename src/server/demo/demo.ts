import { randomInt } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import { Accounts } from '../storage/accounts.ts'
import { importSeed } from '../seed/import-seed.ts'
import { DEMO_BOT, DEMO_PEOPLE } from './demo-set.ts'

export interface DemoAccountInfo {
  uin: number
  nick: string
  face: number
  password: string
}

export interface DemoSet {
  /** The people to log in as (the bot is not one of them). */
  readonly accounts: DemoAccountInfo[]
  readonly bot: DemoAccountInfo | undefined
}

type Role = 'person' | 'bot'

// No 0/O, 1/l/I: a password read off a screen is typed right the first time.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

function randomPassword(): string {
  let password = ''
  for (let i = 0; i < 10; i++) password += ALPHABET[randomInt(ALPHABET.length)]
  return password
}

/**
 * On an empty data folder, creates the demo people and the bot, friends of each other,
 * with fresh random passwords kept in the folder (so they stay the same across restarts).
 */
async function createDemoSet(db: DatabaseSync): Promise<void> {
  const members = [...DEMO_PEOPLE, DEMO_BOT]
  const everyone = members.map((member) => member.uin)
  const withPasswords = members.map((member) => ({
    ...member,
    password: randomPassword(),
    friends: everyone.filter((uin) => uin !== member.uin)
  }))
  await importSeed(db, { accounts: withPasswords })
  const remember = db.prepare('INSERT INTO demo_accounts (uin, password, role) VALUES (?, ?, ?)')
  for (const { uin, password } of withPasswords) {
    remember.run(uin, password, uin === DEMO_BOT.uin ? 'bot' : 'person')
  }
}

/**
 * The demo set of this data folder, created first if the folder has no accounts at all.
 * An account whose password was changed since is no longer offered.
 */
export async function ensureDemoSet(db: DatabaseSync): Promise<DemoSet> {
  if (new Accounts(db).count() === 0) await createDemoSet(db)
  const rows = db
    .prepare(
      `SELECT d.uin, a.nick, a.face, d.password, d.role FROM demo_accounts d
       JOIN accounts a ON a.uin = d.uin ORDER BY d.uin`
    )
    .all() as unknown as (DemoAccountInfo & { role: Role })[]
  const info = ({ uin, nick, face, password }: DemoAccountInfo): DemoAccountInfo => ({
    uin,
    nick,
    face,
    password
  })
  return {
    accounts: rows.filter((row) => row.role === 'person').map(info),
    bot: rows.filter((row) => row.role === 'bot').map(info)[0]
  }
}

/** A password set by hand replaces the demo one, which must then not be shown any more. */
export function forgetDemoPassword(db: DatabaseSync, uin: number): void {
  db.prepare('DELETE FROM demo_accounts WHERE uin = ?').run(uin)
}
