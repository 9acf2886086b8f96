/**
 * Issue 15: the schema of a PostgreSQL store comes from numbered migrations, applied at
 * start under an advisory lock; `migrate` and the `account` commands work on it too.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_PEOPLE } from '../../src/server/demo/demo-set.ts'
import { createPool, readPostgresUrl } from '../../src/server/storage/postgres/connection.ts'
import { account, CLUSTER_MISSING, PASSWORD, serve } from '../integration/server/servers.ts'
import { run } from '../integration/server/server-cli.ts'
import { TestClient } from '../integration/server/wire.ts'
import { dropSchemas, freshSchema, storeUrl } from './postgres.ts'

const schemas: string[] = []

afterEach(async () => {
  if (!CLUSTER_MISSING) await dropSchemas(schemas.splice(0))
})

function newStore(): string {
  const schema = freshSchema()
  schemas.push(schema)
  return storeUrl(schema)
}

async function appliedMigrations(store: string): Promise<number[]> {
  const pool = createPool(readPostgresUrl(store), 1)
  try {
    const { rows } = await pool.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version'
    )
    return rows.map((row) => row.version)
  } finally {
    await pool.end()
  }
}

describe('PostgreSQL migrations', () => {
  it('two nodes starting together on an empty schema apply each migration once', async () => {
    const store = newStore()
    const [a, b] = await Promise.all([serve({ store }), serve({ store })])
    expect(a.port).not.toBe(b.port)
    expect(await appliedMigrations(store)).toEqual([1])
  })

  it('nodes starting together on an empty schema with the demo set and a seed all start, on one set', async () => {
    const store = newStore()
    const seed = { accounts: [account(20001), account(20002, { friends: [20001] })] }
    const start = () => serve({ store, demo: true, seed })
    const nodes = await Promise.all([start(), start(), start()])
    const [first, second, third] = nodes.map((node) =>
      node.demoAccounts.map(({ uin, password }) => `${uin}:${password}`)
    )
    expect(first).toHaveLength(DEMO_PEOPLE.length)
    expect(second).toEqual(first)
    expect(third).toEqual(first)
    const created = nodes.flatMap((node) => node.seeded?.created ?? [])
    expect(created.sort()).toEqual([20001, 20002])
    await new TestClient(nodes[2].port, 20002).enter(PASSWORD)
  })

  it('migrate applies them once and then says the schema is up to date', async () => {
    const store = newStore()
    const first = await run(['migrate', '--store', store])
    expect(first.stdout).toMatch(/\(schema t_\w+\): applied 001_initial\n$/)
    const again = await run(['migrate', '--store', store])
    expect(again.stdout).toMatch(/: the schema is up to date\n$/)
    expect(again.code).toBe(0)
  })

  it('the account commands administer a PostgreSQL store, and a node serves the account', async () => {
    const store = newStore()
    const added = await run(['account', 'add', '10005', '--store', store, '--nick', '小李'], {
      stdin: 'secret\n'
    })
    expect(added).toMatchObject({ code: 0, stdout: 'added 10005\n' })
    const listed = await run(['account', 'list', '--store', store])
    expect(listed.stdout).toBe('10005\t小李\tface 0\tAnyone may add me\n')
    const server = await serve({ store })
    const reply = await new TestClient(server.port, 10005).login('secret')
    expect(reply).toMatchObject({ ok: true, data: { accepted: true } })
    expect(await run(['account', 'remove', '10005', '--store', store])).toMatchObject({
      code: 0
    })
    const missing = await run(['account', 'passwd', '10005', '--store', store])
    expect(missing.stderr).toBe('error NOT_FOUND: there is no account 10005\n')
  })

  it('an unreachable store is one line and exit code 1', async () => {
    const result = await run(['migrate', '--store', 'postgres://127.0.0.1:1/test'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error STORE: PostgreSQL at 127\.0\.0\.1:1\/test: .+\n$/)
  })
})
