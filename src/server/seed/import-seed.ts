import { hashPassword } from '../storage/passwords.ts'
import type { AccountStore } from '../storage/types.ts'
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
export async function importSeed(accounts: AccountStore, input: unknown): Promise<SeedResult> {
  const seed = parseSeed(input)
  const exists = (uin: number): Promise<boolean> => accounts.exists(uin)
  const there = await Promise.all(seed.accounts.map((account) => exists(account.uin)))
  const fresh = seed.accounts.filter((_, i) => !there[i])
  const known = new Set(seed.accounts.map((account) => account.uin))
  for (const account of fresh) {
    if (account.friends.includes(account.uin)) {
      throw new SeedError(`is not valid: account ${account.uin} lists itself as a friend`)
    }
    const outside = account.friends.filter((uin) => !known.has(uin))
    const found = await Promise.all(outside.map(exists))
    const missing = outside.find((_, i) => !found[i])
    if (missing !== undefined) {
      throw new SeedError(
        `is not valid: account ${account.uin} lists friend ${missing}, who has no account`
      )
    }
  }
  const hashes = await Promise.all(
    fresh.map((account) => account.passwordHash ?? hashPassword(account.password ?? ''))
  )
  await accounts.create(fresh.map((account, i) => ({ ...account, passwordHash: hashes[i] ?? '' })))
  const created = fresh.map((account) => account.uin)
  return {
    created,
    kept: seed.accounts.map((account) => account.uin).filter((uin) => !created.includes(uin))
  }
}
