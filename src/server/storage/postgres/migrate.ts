import { readdirSync, readFileSync } from 'node:fs'
import type pg from 'pg'
import { transaction, type PostgresTarget } from './connection.ts'

const FOLDER = new URL('./migrations/', import.meta.url)
const FILE = /^(\d{3})_[a-z0-9_]+\.sql$/

interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

export class SchemaNewerError extends Error {
  override readonly name = 'SchemaNewerError'
}

/** The numbered files of `migrations/`, in order. */
function migrations(): Migration[] {
  return readdirSync(FOLDER)
    .filter((file) => FILE.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(new URL(file, FOLDER), 'utf8')
    }))
}

/**
 * Brings the schema up to date: every migration not applied yet, in order, in one
 * transaction, under an advisory lock, so nodes started together apply each one once and
 * the others wait for it. Returns the names of those it applied. A schema that has
 * migrations this code does not know (a newer server wrote it) is refused.
 */
export async function migrate(pool: pg.Pool, target: PostgresTarget): Promise<string[]> {
  const known = migrations()
  return transaction(pool, async (client) => {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext('http-qq migrations'), hashtext($1))",
      [target.schema ?? '']
    )
    if (target.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${target.schema}`)
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`
    )
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations'
    )
    const applied = new Set(rows.map((row) => row.version))
    const unknown = [...applied].filter((version) => !known.some((m) => m.version === version))
    if (unknown.length > 0) {
      throw new SchemaNewerError(
        `the database has migration ${Math.max(...unknown)}, which this server does not know: it was made by a newer server`
      )
    }
    const fresh = known.filter((migration) => !applied.has(migration.version))
    for (const migration of fresh) {
      await client.query(migration.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name
      ])
    }
    return fresh.map((migration) => migration.name)
  })
}
