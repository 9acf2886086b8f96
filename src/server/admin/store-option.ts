import { UsageError } from '../cli-errors.ts'
import {
  readPostgresUrl,
  StoreUrlError,
  type PostgresTarget
} from '../storage/postgres/connection.ts'

/** `--store URL` as typed: a URL that cannot be read is a usage error (exit code 2). */
export function postgresTargetOption(text: string): PostgresTarget {
  try {
    return readPostgresUrl(text)
  } catch (error) {
    if (error instanceof StoreUrlError) throw new UsageError(`--store: ${error.message}`)
    throw error
  }
}
