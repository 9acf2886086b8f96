import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline'
import { DATABASE_FILE } from '../storage/sqlite/db.ts'
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts'
import type { Store } from '../storage/types.ts'
import { storeUnavailable } from '../storage/open-store.ts'
import { postgresTargetOption } from './store-option.ts'
import { en } from '../../shared/i18n/en.ts'
import { MAX_FACE_ID, type AddPolicy } from '../../shared/protocol/index.ts'
import { dataFolderProblem, UsageError } from '../cli-errors.ts'
import {
  addAccount,
  AdminError,
  checkAccount,
  checkNewAccount,
  listAccounts,
  MAX_NICK_CHARACTERS,
  removeAccount,
  setPassword
} from './accounts-admin.ts'

export const ACCOUNT_USAGE = `account administration (on the data folder; the server may be running):
  account add UIN --data DIR [--password P] [--nick NAME] [--face ID] [--policy 0|1|2]
  account passwd UIN --data DIR [--password P]
  account remove UIN --data DIR
  account list --data DIR
Without --password, the password is read from the first line of standard input.
nick: 1 to ${MAX_NICK_CHARACTERS} characters (default: the number); face: 0 to ${MAX_FACE_ID}.
policy: 0 anyone may add, 1 ask first, 2 nobody may add.
Only "account add" creates a data folder; the others need one that holds a database.
Instead of --data DIR, --store postgres://… works on a cluster's PostgreSQL (schema migrated).`

const ACTIONS = ['add', 'passwd', 'remove', 'list']

async function readPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given
  if (process.stdin.isTTY) process.stderr.write('password: ')
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}

/** A number as typed; anything else is NaN, which the checks of the field refuse by range. */
const integer = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : NaN

/**
 * The database of the data folder. Only `add` may create one: a mistyped folder given to
 * the other commands would otherwise become a new empty database, listed as "no accounts".
 */
function open(dataDir: string, create: boolean): Store {
  if (!create && !existsSync(join(dataDir, DATABASE_FILE))) {
    throw new AdminError(
      'NO_DATABASE',
      `${dataDir} holds no database (${DATABASE_FILE}); "account add" or the server creates one`
    )
  }
  try {
    return openSqliteStore(dataDir)
  } catch (error) {
    throw dataFolderProblem(error, dataDir) ?? error
  }
}

/** A cluster's store: the server's own migrations are applied first, as at its start. */
async function openPostgres(url: string): Promise<Store> {
  const target = postgresTargetOption(url)
  const { openPostgresStore } = await import('../storage/postgres/postgres-store.ts')
  try {
    return (await openPostgresStore(target)).store
  } catch (error) {
    throw storeUnavailable(target, error)
  }
}

/** `account add|passwd|remove|list`; returns the text to print. */
export async function runAccountCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      store: { type: 'string' },
      password: { type: 'string' },
      nick: { type: 'string' },
      face: { type: 'string' },
      policy: { type: 'string' }
    }
  })
  const [action, uinText, ...extra] = positionals
  if (action === undefined || !ACTIONS.includes(action)) {
    throw new UsageError(`"account ${action ?? ''}": the commands are add, passwd, remove and list`)
  }
  if ((values.data === undefined) === (values.store === undefined)) {
    throw new UsageError(`account ${action} needs --data DIR or --store postgres://…`)
  }
  const needsUin = action !== 'list'
  if (needsUin !== (uinText !== undefined) || extra.length > 0) {
    throw new UsageError(`usage: account ${action} ${needsUin ? 'UIN ' : ''}--data DIR`)
  }
  const store =
    values.store === undefined
      ? open(values.data ?? '', action === 'add')
      : await openPostgres(values.store)
  try {
    if (uinText === undefined) {
      return (await listAccounts(store))
        .map((a) => `${a.uin}\t${a.nick}\tface ${a.face}\t${en[`addPolicy.${a.policy}`]}`)
        .join('\n')
    }
    if (!/^\d+$/.test(uinText)) {
      throw new AdminError('INVALID_UIN', `"${uinText}" is not a QQ number`)
    }
    const uin = Number(uinText)
    switch (action) {
      case 'add': {
        const fields = {
          nick: values.nick,
          face: integer(values.face),
          policy: integer(values.policy) as AddPolicy | undefined
        }
        await checkNewAccount(store, uin, fields)
        await addAccount(store, uin, await readPassword(values.password), fields)
        return `added ${uin}`
      }
      case 'passwd':
        await checkAccount(store, uin)
        await setPassword(store, uin, await readPassword(values.password))
        return `changed the password of ${uin}`
      default:
        await removeAccount(store, uin)
        return `removed ${uin}`
    }
  } finally {
    await store.close()
  }
}
