import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createFileSettingsStore } from '../core/index.ts'
import { exportText } from '../core/history-export.ts'
import { serverKey } from '../core/server-address.ts'
import { readSettingsPatch } from '../core/settings/read-stored.ts'
import { accountDir } from '../core/store/account-db.ts'
import { openAccountStore } from '../core/store/account-store.ts'
import { moveSingleAccountFolders } from '../core/store/move-single-account.ts'
import { BUILT_IN_SERVER } from '../shared/account-id.ts'
import { displayName } from '../shared/display-name.ts'
import { CodedError } from '../shared/errors.ts'
import type { CliOptions } from './args.ts'
import { messageLines, printable, type Output } from './output.ts'
import type { CliCommand } from './parse-command.ts'

/**
 * The server whose history to read: `--server`, else the last one used; with neither, the
 * app's built-in one (a `--data` that is the app's profile).
 */
function historyServerKey(options: CliOptions): string {
  const settings = createFileSettingsStore(join(options.dataDir, 'settings.json'))
  // A folder of the layout before several accounts is moved first, as the core does.
  moveSingleAccountFolders(options.dataDir, settings)
  const server = options.server || readSettingsPatch(settings.get('settings')).server || ''
  return server === '' ? BUILT_IN_SERVER : serverKey(server)
}

/**
 * `history UIN [--search T]`: read straight from the stored file, no server needed. Found
 * messages print as the whole conversation does, with each side named by its number.
 */
export function printHistory(
  options: CliOptions,
  command: Extract<CliCommand, { name: 'history' }>,
  out: Output
): void {
  const peer = command.uin
  const key = historyServerKey(options)
  if (!existsSync(join(accountDir(options.dataDir, key, options.uin), 'history.sqlite'))) {
    throw new CodedError('NOT_FOUND', `no history for ${options.uin}@${key} in ${options.dataDir}`)
  }
  const store = openAccountStore(options.dataDir, key, options.uin)
  try {
    const messages =
      command.search === undefined
        ? store.messages.all(peer)
        : store.messages.search(command.search, peer).reverse()
    if (options.json) {
      for (const line of messageLines(messages, true)) out.line(line)
      return
    }
    const nameOf = (uin: number) => displayName(store.contacts.get(uin) ?? { uin })
    const text = exportText(messages, nameOf, String(options.uin), String)
    for (const line of text.split('\n').slice(0, -1)) out.line(printable(line))
  } finally {
    store.close()
  }
}
