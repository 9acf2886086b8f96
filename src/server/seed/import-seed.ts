import type { DatabaseSync } from 'node:sqlite'
import { Accounts } from '../storage/accounts.ts'
import { transaction } from '../../sqlite/transaction.ts'
import { Friends } from '../storage/friends.ts'
import { hashPassword } from '../storage/passwords.ts'
import { parseSeed, SeedError } from './seed-file.ts'

export interface SeedResult {
  readonly created: number[]
  /** Accounts that already existed: kept as they are, passwords and lists included. */
  readonly kept: number[]
}

/**
 * Creates the accounts of a seed file that do not exist yet, with their friend lists, in
 * one transaction. Importing the same file again changes nothing, so a server can be
 * started with `--seed` every time.
 */
export async function importSeed(db: DatabaseSync, input: unknown): Promise<SeedResult> {
  const seed = parseSeed(input)
  const accounts = new Accounts(db)
  const friends = new Friends(db)
  const fresh = seed.accounts.filter((account) => !accounts.exists(account.uin))
  const known = new Set(seed.accounts.map((account) => account.uin))
  for (const account of fresh) {
    if (account.friends.includes(account.uin)) {
      throw new SeedError(`is not valid: account ${account.uin} lists itself as a friend`)
    }
    const missing = account.friends.find((uin) => !known.has(uin) && !accounts.exists(uin))
    if (missing !== undefined) {
      throw new SeedError(
        `is not valid: account ${account.uin} lists friend ${missing}, who has no account`
      )
    }
  }
  const hashes = await Promise.all(
    fresh.map((account) => account.passwordHash ?? hashPassword(account.password ?? ''))
  )
  transaction(db, () => {
    fresh.forEach((account, i) => accounts.add({ ...account, passwordHash: hashes[i] ?? '' }))
    for (const account of fresh) for (const uin of account.friends) friends.add(account.uin, uin)
  })
  const created = fresh.map((account) => account.uin)
  return {
    created,
    kept: seed.accounts.map((account) => account.uin).filter((uin) => !created.includes(uin))
  }
}
