import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline'
import { openDatabase } from '../storage/db.ts'
import { en } from '../../shared/i18n/en.ts'
import type { AddPolicy } from '../../shared/protocol/index.ts'
import {
  addAccount,
  AdminError,
  listAccounts,
  removeAccount,
  setPassword
} from './accounts-admin.ts'

export const ACCOUNT_USAGE = `account administration (on the data folder; the server may be running):
  account add UIN --data DIR [--password P] [--nick NAME] [--face ID] [--policy 0|1|2]
  account passwd UIN --data DIR [--password P]
  account remove UIN --data DIR
  account list --data DIR
Without --password, the password is read from the first line of standard input.
policy: 0 anyone may add, 1 ask first, 2 nobody may add.`

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

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new AdminError('INVALID_VALUE', `${name} must be a number`)
  return Number(value)
}

/** `account add|passwd|remove|list`; returns the text to print. */
export async function runAccountCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      password: { type: 'string' },
      nick: { type: 'string' },
      face: { type: 'string' },
      policy: { type: 'string' }
    }
  })
  const [action, uinText] = positionals
  if (values.data === undefined) throw new AdminError('INVALID_VALUE', '--data DIR is needed')
  const uin = integer('UIN', uinText)
  const db = openDatabase(values.data)
  try {
    if (action === 'list') {
      return listAccounts(db)
        .map((a) => `${a.uin}\t${a.nick}\tface ${a.face}\t${en[`addPolicy.${a.policy}`]}`)
        .join('\n')
    }
    if (uin === undefined) throw new AdminError('INVALID_VALUE', `which account? ${ACCOUNT_USAGE}`)
    switch (action) {
      case 'add': {
        const policy = integer('--policy', values.policy)
        if (policy !== undefined && policy > 2) {
          throw new AdminError('INVALID_VALUE', '--policy is 0, 1 or 2')
        }
        await addAccount(db, uin, await readPassword(values.password), {
          nick: values.nick,
          face: integer('--face', values.face),
          policy: policy as AddPolicy | undefined
        })
        return `added ${uin}`
      }
      case 'passwd':
        await setPassword(db, uin, await readPassword(values.password))
        return `changed the password of ${uin}`
      case 'remove':
        removeAccount(db, uin)
        return `removed ${uin}`
      default:
        throw new AdminError('INVALID_VALUE', ACCOUNT_USAGE)
    }
  } finally {
    db.close()
  }
}
