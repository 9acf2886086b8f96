import type { Store } from '../types.ts'
import { SqliteAccounts } from './accounts.ts'
import { SqliteAddRequests } from './add-requests.ts'
import { openDatabase } from './db.ts'
import { SqliteDemoAccounts } from './demo-accounts.ts'
import { SqliteFriends } from './friends.ts'
import { SqliteMailbox } from './mailbox.ts'

/**
 * The embedded store: one SQLite file in a data folder, or memory without one. Its methods
 * do their work synchronously and return settled promises: node:sqlite blocks, and one
 * process owns the file.
 */
export function openSqliteStore(dataDir: string | undefined): Store {
  const db = openDatabase(dataDir)
  return {
    kind: 'sqlite',
    accounts: new SqliteAccounts(db),
    friends: new SqliteFriends(db),
    addRequests: new SqliteAddRequests(db),
    mailbox: new SqliteMailbox(db),
    demoAccounts: new SqliteDemoAccounts(db),
    // One process owns the file (the data folder's lock): nobody else to wait for.
    exclusively: (work) => work(),
    close: async () => db.close()
  }
}
