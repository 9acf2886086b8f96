/**
 * Which PostgreSQL client the server uses: `postgres` (postgres.js) against `pg`
 * (node-postgres), on the two paths that carry the load, each written as the store writes
 * it: CLTMSG (does the account exist, then insert and trim in one transaction) and GetMsgEx
 * with `AK` (an empty queue: one query; a queue with a message: the batch made under the
 * recipient's lock, then acknowledged). 50 requests in flight, pools of 10 connections,
 * rounds taken in turn so both meet the same disturbances. A figure, not a test.
 *
 *   node bench/postgres-clients.ts [postgres://127.0.0.1:5432/test]
 */
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import pg from 'pg'
import postgres from 'postgres'
import { format } from './measure.ts'

const URL_ = process.argv[2] ?? process.env.QQ_TEST_POSTGRES_URL ?? 'postgres://127.0.0.1:5432/test'
const SCHEMA = `bench_clients_${process.pid}`
const ACCOUNTS = 1000
const IN_FLIGHT = 50
const POOL = 10
const ROUND_MS = 3000
const ROUNDS = 3

/** The queries of the two paths, as each client library runs them. */
interface Client {
  readonly name: string
  exists(uin: number): Promise<boolean>
  deliver(recipient: number, from: number, text: string, time: number): Promise<void>
  hasMessages(recipient: number): Promise<boolean>
  /** Makes or re-sends the batch, acknowledging `ack`; returns the batch id (0: none). */
  batch(recipient: number, ack: string): Promise<number>
  end(): Promise<void>
}

const TRIM = `DELETE FROM messages WHERE recipient = $1 AND batch IS NULL AND id <= (
  SELECT id FROM messages WHERE recipient = $1 AND batch IS NULL ORDER BY id DESC LIMIT 1 OFFSET 1000)`
const INSERT =
  'INSERT INTO messages (recipient, type, sender, text, time) VALUES ($1, 9, $2, $3, $4)'
const PENDING =
  'SELECT id, batch FROM messages WHERE recipient = $1 AND batch IS NOT NULL ORDER BY id LIMIT 50'
const FRESH =
  'SELECT id, batch FROM messages WHERE recipient = $1 AND batch IS NULL ORDER BY id LIMIT 50'

function postgresJs(): Client {
  const sql = postgres(URL_, {
    max: POOL,
    onnotice: () => {},
    connection: { search_path: SCHEMA },
    types: { bigint: postgres.BigInt }
  })
  type Row = { id: bigint; batch: bigint | null }
  return {
    name: 'postgres (postgres.js)',
    exists: async (uin) => (await sql`SELECT 1 FROM accounts WHERE uin = ${uin}`).length > 0,
    deliver: async (recipient, from, text, time) => {
      await sql.begin(async (tx) => {
        await tx.unsafe(INSERT, [recipient, from, Buffer.from(text), time], { prepare: true })
        await tx.unsafe(TRIM, [recipient], { prepare: true })
      })
    },
    hasMessages: async (recipient) =>
      (await sql`SELECT 1 FROM messages WHERE recipient = ${recipient} LIMIT 1`).length > 0,
    batch: (recipient, ack) =>
      sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${recipient})`
        const pending = await tx.unsafe<Row[]>(PENDING, [recipient], { prepare: true })
        const pendingId = pending[0]?.batch
        if (pendingId != null) {
          if (ack !== String(pendingId)) return Number(pendingId)
          await tx`DELETE FROM messages WHERE recipient = ${recipient} AND batch = ${pendingId}`
        }
        const fresh = await tx.unsafe<Row[]>(FRESH, [recipient], { prepare: true })
        const last = fresh.at(-1)
        if (!last) return 0
        const ids = fresh.map((row) => String(row.id))
        await tx`UPDATE messages SET batch = ${last.id} WHERE id = ANY(${ids}::bigint[])`
        return Number(last.id)
      }),
    end: () => sql.end()
  }
}

/**
 * pg's own reading of a URL leaves the user empty when the URL has none (it would take
 * $USER, which a service or a container may not set), so the URL is read here.
 */
function pgConfig(url: string): pg.PoolConfig {
  const parsed = new URL(url)
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    user: decodeURIComponent(parsed.username) || userInfo().username,
    password: decodeURIComponent(parsed.password) || undefined
  }
}

function nodePostgres(): Client {
  const pool = new pg.Pool({
    ...pgConfig(URL_),
    max: POOL,
    options: `-c search_path=${SCHEMA}`
  })
  const named = (name: string, text: string, values: unknown[]) => ({ name, text, values })
  return {
    name: 'pg (node-postgres)',
    exists: async (uin) => {
      const found = await pool.query(
        named('exists', 'SELECT 1 FROM accounts WHERE uin = $1', [uin])
      )
      return (found.rowCount ?? 0) > 0
    },
    deliver: async (recipient, from, text, time) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query(named('insert', INSERT, [recipient, from, Buffer.from(text), time]))
        await client.query(named('trim', TRIM, [recipient]))
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    },
    hasMessages: async (recipient) => {
      const found = await pool.query(
        named('has', 'SELECT 1 FROM messages WHERE recipient = $1 LIMIT 1', [recipient])
      )
      return (found.rowCount ?? 0) > 0
    },
    batch: async (recipient, ack) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query(named('lock', 'SELECT pg_advisory_xact_lock($1)', [recipient]))
        const pending = (await client.query(named('pending', PENDING, [recipient]))).rows as {
          id: string
          batch: string | null
        }[]
        const pendingId = pending[0]?.batch
        let result: number | undefined
        if (pendingId != null) {
          if (ack !== pendingId) result = Number(pendingId)
          else {
            await client.query(
              named('ack', 'DELETE FROM messages WHERE recipient = $1 AND batch = $2', [
                recipient,
                pendingId
              ])
            )
          }
        }
        if (result === undefined) {
          const fresh = (await client.query(named('fresh', FRESH, [recipient]))).rows as {
            id: string
          }[]
          const last = fresh.at(-1)
          result = last ? Number(last.id) : 0
          if (last) {
            await client.query(
              named('mark', 'UPDATE messages SET batch = $1 WHERE id = ANY($2::bigint[])', [
                last.id,
                fresh.map((row) => row.id)
              ])
            )
          }
        }
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    },
    end: () => pool.end()
  }
}

interface Figures {
  readonly rate: number
  /** This process's CPU per operation: what the client library costs the server. */
  readonly cpuMicros: number
}

/** Runs `work` IN_FLIGHT at a time for ROUND_MS. */
async function round(work: (worker: number, i: number) => Promise<void>): Promise<Figures> {
  let count = 0
  const until = performance.now() + ROUND_MS
  const started = performance.now()
  const cpu = process.cpuUsage()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, worker) => {
      for (let i = 0; performance.now() < until; i++) {
        await work(worker, i)
        count++
      }
    })
  )
  const used = process.cpuUsage(cpu)
  return {
    rate: (count * 1000) / (performance.now() - started),
    cpuMicros: (used.user + used.system) / count
  }
}

const uinOf = (n: number): number => 10_000 + (n % ACCOUNTS)

const PATHS: Record<string, (client: Client) => (worker: number, i: number) => Promise<void>> = {
  CLTMSG: (client) => async (worker, i) => {
    const to = uinOf(worker * 7919 + i)
    if (await client.exists(to)) await client.deliver(to, 10_000, 'hello', 1_700_000_000)
  },
  'GetMsgEx, empty queue': (client) => async (worker) => {
    // Workers poll numbers above those CLTMSG writes to: their queues stay empty.
    await client.hasMessages(20_000 + worker)
  },
  'GetMsgEx, a message': (client) => async (worker) => {
    const uin = uinOf(worker)
    await client.deliver(uin, 10_000, 'hi', 1_700_000_000)
    if (await client.hasMessages(uin)) {
      const id = await client.batch(uin, '0')
      await client.batch(uin, String(id))
    }
  }
}

async function main(): Promise<void> {
  const admin = postgres(URL_, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE SCHEMA ${SCHEMA}`)
  await admin.unsafe(`SET search_path = ${SCHEMA}`)
  const migration = new URL(
    '../src/server/storage/postgres/migrations/001_initial.sql',
    import.meta.url
  )
  await admin.unsafe(readFileSync(migration, 'utf8'))
  await admin.unsafe(
    `INSERT INTO accounts (uin, password_hash) SELECT g, 'x' FROM generate_series(10000, ${10_000 + ACCOUNTS - 1}) g`
  )
  const clients = [postgresJs(), nodePostgres()]
  try {
    console.log(
      `${IN_FLIGHT} in flight, pools of ${POOL}, ${ROUNDS} rounds of ${ROUND_MS / 1000} s each`
    )
    for (const [path, make] of Object.entries(PATHS)) {
      const best = new Map<string, Figures>()
      for (let r = 0; r < ROUNDS; r++) {
        for (const client of clients) {
          const figures = await round(make(client))
          const before = best.get(client.name)
          if (!before || figures.rate > before.rate) best.set(client.name, figures)
        }
      }
      for (const [name, { rate, cpuMicros }] of best) {
        console.log(
          `  ${path.padEnd(24)} ${name.padEnd(24)} ${format(rate, 0).padStart(8)} /s ` +
            `${format(cpuMicros, 0).padStart(6)} µs CPU/op`
        )
      }
    }
  } finally {
    await Promise.all(clients.map((client) => client.end()))
    await admin.unsafe(`DROP SCHEMA ${SCHEMA} CASCADE`)
    await admin.end()
  }
}

await main()
