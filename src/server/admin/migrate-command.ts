import { parseArgs } from 'node:util'
import { UsageError } from '../cli-errors.ts'
import { storeUnavailable } from '../storage/open-store.ts'
import { createPool, describeTarget } from '../storage/postgres/connection.ts'
import { migrate } from '../storage/postgres/migrate.ts'
import { postgresTargetOption } from './store-option.ts'

export const MIGRATE_USAGE = `the schema of a PostgreSQL store (a server also does this when it starts):
  migrate --store postgres://USER@HOST:PORT/DATABASE[?schema=NAME]`

/** `migrate --store URL`: applies the migrations the database lacks; returns what to print. */
export async function runMigrateCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' } }
  })
  if (positionals.length > 0) throw new UsageError(`usage: ${MIGRATE_USAGE.split('\n')[1]?.trim()}`)
  if (values.store === undefined) throw new UsageError('migrate needs --store postgres://…')
  const target = postgresTargetOption(values.store)
  const pool = createPool(target, 1)
  try {
    const applied = await migrate(pool, target)
    const where = describeTarget(target)
    return applied.length === 0
      ? `${where}: the schema is up to date`
      : `${where}: applied ${applied.join(', ')}`
  } catch (error) {
    throw storeUnavailable(target, error)
  } finally {
    await pool.end()
  }
}
