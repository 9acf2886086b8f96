import type { DatabaseSync } from 'node:sqlite'
import { openAccountDb } from './account-db.ts'
import { ContactStore } from './contacts.ts'
import { MessageStore } from './messages.ts'
import { ProfileStore } from './profiles.ts'
import { SystemMessageStore } from './system-messages.ts'

/** Everything one account keeps on disk, in one SQLite file. */
export interface AccountStore {
  readonly db: DatabaseSync
  readonly messages: MessageStore
  readonly contacts: ContactStore
  readonly systemMessages: SystemMessageStore
  readonly profiles: ProfileStore
  close(): void
}

export function openAccountStore(dataDir: string, serverKey: string, uin: number): AccountStore {
  const db = openAccountDb(dataDir, serverKey, uin)
  return {
    db,
    messages: new MessageStore(db),
    contacts: new ContactStore(db),
    systemMessages: new SystemMessageStore(db),
    profiles: new ProfileStore(db),
    close: () => db.close()
  }
}
