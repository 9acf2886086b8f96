import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { exportText } from '../main/core/history-export.ts'
import { accountDir } from '../main/core/store/account-db.ts'
import { openAccountStore } from '../main/core/store/account-store.ts'
import { CodedError } from '../shared/errors.ts'
import { parseUin, type CliOptions } from './args.ts'
import { messageLines, printable, type Output } from './output.ts'

/** `history UIN [--search T]`: read straight from the stored file, no server needed. */
export function printHistory(options: CliOptions, out: Output): void {
  const peer = parseUin(options.args[0])
  if (!existsSync(join(accountDir(options.dataDir, options.uin), 'history.sqlite'))) {
    throw new CodedError('NOT_FOUND', `no history for ${options.uin} in ${options.dataDir}`)
  }
  const store = openAccountStore(options.dataDir, options.uin)
  try {
    if (options.search !== undefined) {
      if (options.search.trim() === '')
        throw new CodedError('INVALID_ARGUMENT', '--search needs a text')
      const found = store.messages.search(options.search, peer).reverse()
      for (const line of messageLines(found, options.json)) out.line(line)
      return
    }
    const messages = store.messages.all(peer)
    if (options.json) {
      for (const line of messageLines(messages, true)) out.line(line)
      return
    }
    const nameOf = (uin: number) => store.contacts.get(uin)?.nick || String(uin)
    const text = exportText(messages, nameOf, String(options.uin))
    for (const line of text.split('\n').slice(0, -1)) out.line(printable(line))
  } finally {
    store.close()
  }
}
