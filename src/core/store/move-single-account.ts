import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { accountId, BUILT_IN_SERVER, parseAccountId } from '../../shared/account-id.ts'
import { diagnostics } from '../../logging/diagnostics.ts'
import { serverKey } from '../server-address.ts'
import { readAccountSettings, readSettingsPatch } from '../settings/read-stored.ts'
import { accountPart } from '../settings/scopes.ts'
import type { SettingsStore } from '../settings/stored-data.ts'
import { accountDir } from './account-db.ts'

/** The server a profile of one account at a time used: the one set, else the built-in one. */
function formerServerKey(server: string | undefined): string {
  if (server === undefined || server.trim() === '') return BUILT_IN_SERVER
  try {
    return serverKey(server)
  } catch {
    return BUILT_IN_SERVER
  }
}

/**
 * A profile made when the app had one account at a time kept a folder per number,
 * `accounts/<uin>`, whatever the server. At start, each moves to its (server, number):
 * `accounts/<server>/<uin>`, under the server the app was set to (the built-in one when
 * none), and the settings of that time that are now an account's become its own. A folder
 * moves by one rename: nothing is copied, and a crash leaves it either here or there.
 */
export function moveSingleAccountFolders(dataDir: string, store: SettingsStore): void {
  const root = join(dataDir, 'accounts')
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return // a fresh profile
  }
  // Server folders always hold a port (`%3A`) or a name: only an old one is all digits.
  const former = names.filter((name) => /^\d{1,10}$/.test(name))
  if (former.length === 0) return
  const settings = readSettingsPatch(store.get('settings'))
  const key = formerServerKey(settings.server)
  const own = accountPart(settings)
  const accountSettings = readAccountSettings(store.get('accountSettings'))
  for (const name of former) {
    const id = accountId(key, Number(name))
    const target = accountDir(dataDir, key, Number(name))
    if (parseAccountId(id) === undefined || existsSync(target)) {
      diagnostics().warn({ folder: name }, 'a folder of the old layout was left where it is')
      continue
    }
    mkdirSync(dirname(target), { recursive: true })
    renameSync(join(root, name), target)
    accountSettings[id] = { ...own, ...accountSettings[id] }
  }
  store.set('accountSettings', accountSettings)
}
