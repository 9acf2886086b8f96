import { lockFolder } from './folder-lock.ts'
import {
  describeTarget,
  isPostgresUrl,
  readPostgresUrl,
  StoreUrlError,
  type PostgresTarget
} from './postgres/connection.ts'
import { openSqliteStore } from './sqlite/sqlite-store.ts'
import type { Store } from './types.ts'

export interface StorePlace {
  /** SQLite in this folder (undefined: in memory). */
  readonly dataDir?: string
  /** `postgres://…`: PostgreSQL, shared by the nodes of a cluster. */
  readonly store?: string
}

/**
 * Opens the store a server runs on. SQLite's folder is locked to this process (another
 * server on it would keep its own sessions); PostgreSQL is shared on purpose, so it is not.
 * Returns the store and what ends the lock.
 */
export async function openStore(place: StorePlace): Promise<{ store: Store; unlock: () => void }> {
  if (place.store === undefined) {
    const store = openSqliteStore(place.dataDir)
    try {
      const unlock = place.dataDir === undefined ? () => {} : lockFolder(place.dataDir)
      return { store, unlock }
    } catch (error) {
      await store.close()
      throw error
    }
  }
  if (!isPostgresUrl(place.store)) {
    throw new StoreUrlError(`--store takes a postgres:// URL, not "${place.store}"`)
  }
  if (place.dataDir !== undefined) {
    throw new StoreUrlError('--data and --store go separately: the data is in one or the other')
  }
  const target = readPostgresUrl(place.store)
  // Loaded only for a cluster: the app and a single server never load the driver.
  const { openPostgresStore } = await import('./postgres/postgres-store.ts')
  try {
    const { store } = await openPostgresStore(target)
    return { store, unlock: () => {} }
  } catch (error) {
    throw storeUnavailable(target, error)
  }
}

/** Why the PostgreSQL store of `target` could not be opened, said in one line. */
export function storeUnavailable(target: PostgresTarget, error: unknown): StoreUnavailableError {
  return new StoreUnavailableError(`PostgreSQL at ${describeTarget(target)}: ${reasonOf(error)}`)
}

/** The store named cannot be used: unreachable, refused, or written by a newer server. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError'
}

/** A driver's error in a few words (a refused connection to several addresses has none). */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  if (error.message !== '') return error.message
  return typeof code === 'string' ? code : error.name
}
