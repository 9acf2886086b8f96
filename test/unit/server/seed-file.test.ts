import { describe, expect, it } from 'vitest'
import { importSeed } from '../../../src/server/seed/import-seed.ts'
import { parseSeed, SeedError } from '../../../src/server/seed/seed-file.ts'
import { openSqliteStore } from '../../../src/server/storage/sqlite/sqlite-store.ts'
import { hashPassword } from '../../../src/server/storage/passwords.ts'

const hash = await hashPassword('x', { N: 16, r: 1, p: 1 })

describe('parseSeed', () => {
  it('fills in defaults', () => {
    expect(parseSeed({ accounts: [{ uin: 10001, password: 'p' }] }).accounts[0]).toEqual({
      uin: 10001,
      password: 'p',
      nick: '',
      face: 0,
      policy: 0,
      profile: {},
      friends: []
    })
  })

  it.each([
    [{}, 'accounts'],
    [{ accounts: [{ uin: 99, password: 'p' }] }, 'accounts.0.uin'],
    [{ accounts: [{ uin: 10001, password: 'p', policy: 3 }] }, 'accounts.0.policy'],
    [{ accounts: [{ uin: 10001, password: 'p', profile: { NK: 'x' } }] }, 'accounts.0.profile'],
    [{ accounts: [{ uin: 10001, password: 'p', extra: 1 }] }, 'accounts.0.extra'],
    [{ accounts: [{ uin: 10001 }] }, 'needs a password or a passwordHash'],
    [
      { accounts: [{ uin: 10001, password: 'p', passwordHash: hash }] },
      'needs a password or a passwordHash'
    ],
    [{ accounts: [{ uin: 10001, passwordHash: 'md5' }] }, 'accounts.0.passwordHash'],
    [
      {
        accounts: [
          { uin: 10001, password: 'p' },
          { uin: 10001, password: 'q' }
        ]
      },
      'lists account 10001 twice'
    ],
    [[], 'the seed file must be a JSON object {"accounts": [...]}'],
    [{ people: [] }, 'the seed file must be a JSON object {"accounts": [...]}'],
    [null, 'the seed file must be a JSON object {"accounts": [...]}']
  ])('refuses %j, naming %s', (input, where) => {
    expect(() => parseSeed(input)).toThrow(SeedError)
    expect(() => parseSeed(input)).toThrow(where)
  })
})

describe('importSeed', () => {
  it('creates missing accounts with their lists, and keeps existing ones as they are', async () => {
    const store = openSqliteStore(undefined)
    const seed = {
      accounts: [
        {
          uin: 10001,
          passwordHash: hash,
          nick: 'A',
          profile: { AG: 19, SX: '1' },
          friends: [10002]
        },
        { uin: 10002, passwordHash: hash, nick: 'B' }
      ]
    }
    expect(await importSeed(store.accounts, seed)).toEqual({ created: [10001, 10002], kept: [] })
    await store.friends.remove(10001, 10002)
    expect(await importSeed(store.accounts, seed)).toEqual({ created: [], kept: [10001, 10002] })
    expect(await store.friends.all(10001)).toEqual([])
    expect((await store.accounts.get(10001))?.profile).toEqual({ AG: '19', SX: '1' })
  })

  it('refuses friends who have no account, and nothing is created', async () => {
    const store = openSqliteStore(undefined)
    const seed = { accounts: [{ uin: 10001, passwordHash: hash, friends: [10009] }] }
    await expect(importSeed(store.accounts, seed)).rejects.toThrow(
      'lists friend 10009, who has no account'
    )
    expect(await store.accounts.count()).toBe(0)
  })
})
