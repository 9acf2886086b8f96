import { randomInt } from 'node:crypto'
import { importSeed } from '../seed/import-seed.ts'
import type { DemoRole, Store } from '../storage/types.ts'
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
async function createDemoSet(store: Store): Promise<void> {
  const members = [...DEMO_PEOPLE, DEMO_BOT]
  const everyone = members.map((member) => member.uin)
  const withPasswords = members.map((member) => ({
    ...member,
    password: randomPassword(),
    friends: everyone.filter((uin) => uin !== member.uin)
  }))
  await importSeed(store.accounts, { accounts: withPasswords })
  await store.demoAccounts.remember(
    withPasswords.map(({ uin, password }) => ({
      uin,
      password,
      role: (uin === DEMO_BOT.uin ? 'bot' : 'person') satisfies DemoRole
    }))
  )
}

/**
 * The demo set of this data folder, created first if the folder has no accounts at all.
 * An account whose password was changed since is no longer offered.
 */
export async function ensureDemoSet(store: Store): Promise<DemoSet> {
  if ((await store.accounts.count()) === 0) await createDemoSet(store)
  const rows = await store.demoAccounts.list()
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
