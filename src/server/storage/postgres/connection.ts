import { userInfo } from 'node:os'
import pg from 'pg'

/** What `--store` names: a PostgreSQL URL, `?schema=NAME` to keep the tables in that schema. */
export interface PostgresTarget {
  readonly url: string
  /** Undefined: the database's default (`public`). */
  readonly schema: string | undefined
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

export class StoreUrlError extends Error {
  override readonly name = 'StoreUrlError'
}

export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text)
}

/** Reads a `postgres://user:password@host:port/database?schema=NAME` URL. */
export function readPostgresUrl(text: string): PostgresTarget {
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    throw new StoreUrlError(`"${text}" is not a URL (postgres://host:port/database)`)
  }
  if (!isPostgresUrl(text)) {
    throw new StoreUrlError(`"${text}" is not a postgres:// URL`)
  }
  const schema = parsed.searchParams.get('schema') ?? undefined
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreUrlError(
      `the schema "${schema}" must be lower-case letters, digits and _ (at most 63)`
    )
  }
  return { url: text, schema }
}

/** The URL without its password, for messages. */
export function describeTarget(target: PostgresTarget): string {
  const parsed = new URL(target.url)
  parsed.password = ''
  return `${parsed.host}${parsed.pathname}${target.schema ? ` (schema ${target.schema})` : ''}`
}

const INT8 = 20

/**
 * A pool of connections. pg's own reading of a URL would take the user from $USER, which a
 * service or a container may not set, so the URL is read here. Numbers (BIGINT) come back
 * as numbers: every one the server keeps is below 2^53.
 */
export function createPool(target: PostgresTarget, max = 10): pg.Pool {
  const parsed = new URL(target.url)
  const pool = new pg.Pool({
    host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, ''),
    port: Number(parsed.port || 5432),
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    user: decodeURIComponent(parsed.username) || userInfo().username,
    password: decodeURIComponent(parsed.password) || undefined,
    options: target.schema ? `-c search_path=${target.schema}` : undefined,
    max,
    // While the database cannot be reached, requests fail (NULL: their clients try again)
    // instead of piling up; the pool connects again by itself once it is back.
    connectionTimeoutMillis: 5000,
    query_timeout: 10_000,
    keepAlive: true,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text')) as never
    }
  })
  // A connection the server ends while idle (a restart, a failover) is dropped from the
  // pool; without a listener the error would end the process.
  pool.on('error', () => {})
  return pool
}

/** Runs `work` in one transaction on one connection: all of it is committed, or none. */
export async function transaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>
): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error(String(rollback))
    })
    throw error
  } finally {
    // A connection that could not even roll back is not given to the next request.
    client.release(broken)
  }
}

const LOCK_WAIT_MS = 10 * 60_000

/**
 * Runs `work` holding an advisory lock of the store's schema on a connection of its own,
 * which other nodes wait for; `work` itself uses the pool. The lock goes with the connection
 * if this process dies.
 */
export async function exclusively<T>(
  pool: pg.Pool,
  target: PostgresTarget,
  work: () => Promise<T>
): Promise<T> {
  const key = [target.schema ?? '']
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    // Longer than the pool's query timeout: the node holding the lock may be hashing the
    // passwords of a large seed file. (pg reads `query_timeout` per query; its types omit it.)
    await client.query({
      text: "SELECT pg_advisory_lock(hashtext('http-qq first start'), hashtext($1))",
      values: key,
      query_timeout: LOCK_WAIT_MS
    } as pg.QueryConfig)
    try {
      return await work()
    } finally {
      await client
        .query("SELECT pg_advisory_unlock(hashtext('http-qq first start'), hashtext($1))", key)
        .catch((error: unknown) => {
          broken = error instanceof Error ? error : new Error(String(error))
        })
    }
  } finally {
    // A connection that may still hold the lock is closed, which lets it go.
    client.release(broken)
  }
}
