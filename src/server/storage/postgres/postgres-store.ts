import type { Store } from '../types.ts'
import { PostgresAccounts } from './accounts.ts'
import { PostgresAddRequests } from './add-requests.ts'
import { createPool, exclusively, type PostgresTarget } from './connection.ts'
import { PostgresDemoAccounts } from './demo-accounts.ts'
import { PostgresFriends } from './friends.ts'
import { PostgresMailbox } from './mailbox.ts'
import { migrate } from './migrate.ts'

/**
 * The cluster's store: PostgreSQL, shared by every node. The schema is brought up to date
 * first (numbered migrations under an advisory lock), so a node that starts serves at once.
 * Returns the store and the migrations it applied.
 */
export async function openPostgresStore(
  target: PostgresTarget
): Promise<{ store: Store; applied: string[] }> {
  const pool = createPool(target)
  let applied: string[]
  try {
    applied = await migrate(pool, target)
  } catch (error) {
    await pool.end()
    throw error
  }
  const store: Store = {
    kind: 'postgres',
    accounts: new PostgresAccounts(pool),
    friends: new PostgresFriends(pool),
    addRequests: new PostgresAddRequests(pool),
    mailbox: new PostgresMailbox(pool),
    demoAccounts: new PostgresDemoAccounts(pool),
    exclusively: (work) => exclusively(pool, target, work),
    close: () => pool.end()
  }
  return { store, applied }
}
