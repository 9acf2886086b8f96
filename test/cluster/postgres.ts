/**
 * PostgreSQL for the tests: QQ_TEST_POSTGRES_URL (default postgres://127.0.0.1:5432/test).
 * Each server a test starts gets a schema of its own, dropped after the test, so runs and
 * files never see each other's rows.
 */
import { randomBytes } from 'node:crypto'
import { createPool, readPostgresUrl } from '../../src/server/storage/postgres/connection.ts'

export const POSTGRES_URL = process.env.QQ_TEST_POSTGRES_URL ?? 'postgres://127.0.0.1:5432/test'

/** Whether this run puts the servers of the protocol suites on PostgreSQL (project `cluster`). */
export const ON_POSTGRES = process.env.QQ_TEST_STORE === 'postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the cluster projects' global setup: '' when all they need answered. */
    clusterProblem: string
  }
}

/** A schema name no other test or run uses. */
export function freshSchema(): string {
  return `t_${process.pid}_${randomBytes(4).toString('hex')}`
}

/** `--store` for a schema of its own. */
export function storeUrl(schema: string, base = POSTGRES_URL): string {
  const url = new URL(base)
  url.searchParams.set('schema', schema)
  return url.toString()
}

/** Why PostgreSQL cannot be used, or undefined when it answers. */
export async function postgresProblem(): Promise<string | undefined> {
  const pool = createPool(readPostgresUrl(POSTGRES_URL), 1)
  try {
    await pool.query('SELECT 1')
    return undefined
  } catch (error) {
    const code = (error as { code?: unknown }).code
    return error instanceof Error && error.message !== '' ? error.message : String(code)
  } finally {
    await pool.end()
  }
}

/** Drops the schemas, with everything in them. */
export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return
  const pool = createPool(readPostgresUrl(POSTGRES_URL), 1)
  try {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await pool.end()
  }
}
