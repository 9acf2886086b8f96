import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { CodedError } from '../shared/errors.ts'
import { normaliseFingerprint } from '../shared/fingerprint.ts'
import type { Status } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'

export const USAGE = `usage: npm run cli -- [options] <command>

commands:
  friends                     my friends: number, status, nick, group
  online                      the friends who are online
  info UIN [--level 0-3]      a profile (level 3, every field, by default)
  send UIN TEXT               send a message; waits until the server took it
  listen                      every event as one JSON object per line, until interrupted,
                              each with the number it is for ("account"); reads commands
                              from stdin, one per line (send UIN TEXT, ...); with several
                              --uin, a line starts with @UIN to say which one acts
  add UIN [--reason R]        add a friend (sends a verification request if asked for one)
  accept UIN                  accept UIN's request to add me
  refuse UIN [--reason R]     refuse it
  remove UIN                  remove a friend
  status online|busy|invisible|offline
  history UIN [--search T]    the stored conversation with UIN (no login needed)

options:
  --server HOST:PORT          the server (default: the last one used); https://HOST:PORT for TLS
  --fingerprint SHA256        accept the server's self-signed certificate (64 hex digits, as
                              the server prints at start); kept for the next time
  --uin N                     my QQ number; listen takes several (--uin N --uin M)
  --password P                my password (or the environment variable QQ_PASSWORD_<N>,
                              or QQ_PASSWORD); with several --uin, QQ_PASSWORD_<N> each
  --status S                  the status to log in with (default online)
  --data DIR                  where history and settings live
  --json                      print JSON lines instead of text
  -h, --help`

export const STATUS_NAMES: Readonly<Record<string, Status>> = {
  online: STATUS.ONLINE,
  offline: STATUS.OFFLINE,
  busy: STATUS.BUSY,
  invisible: STATUS.INVISIBLE
}

/** A number to log in as, with its password ('' when none was given). */
export interface CliAccount {
  readonly uin: number
  readonly password: string
}

export interface CliOptions {
  readonly command: string
  readonly args: readonly string[]
  readonly server: string
  /** D-27: the accepted certificate's fingerprint, as upper-case hex pairs. */
  readonly fingerprint: string | undefined
  /** The first (for every command but `listen`, the only) number. */
  readonly uin: number
  readonly password: string
  /** Every `--uin` with its password: one, or several for `listen`. */
  readonly accounts: readonly CliAccount[]
  readonly status: Status
  readonly dataDir: string
  readonly json: boolean
  readonly level: number
  readonly reason: string
  readonly search: string | undefined
  readonly help: boolean
}

function usageError(message: string): CodedError {
  return new CodedError('INVALID_ARGUMENT', message)
}

export function parseUin(text: string | undefined, what = 'UIN'): number {
  if (text === undefined || !/^\d{1,10}$/.test(text))
    throw usageError(`${what} must be a QQ number`)
  return Number(text)
}

export function parseStatus(text: string | undefined): Status {
  const status = text === undefined ? undefined : STATUS_NAMES[text]
  if (status === undefined) throw usageError('status must be online, busy, invisible or offline')
  return status
}

function parseFingerprint(text: string): string {
  const fingerprint = normaliseFingerprint(text)
  if (fingerprint === undefined) throw usageError('--fingerprint must be 64 hex digits (SHA-256)')
  return fingerprint
}

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'http-qq-cli')
}

/**
 * Each `--uin` with its password: `QQ_PASSWORD_<uin>`, and for a single number first
 * `--password` and last `QQ_PASSWORD` as before there could be several.
 */
function parseAccounts(
  uins: readonly string[],
  password: string | undefined,
  env: NodeJS.ProcessEnv
): CliAccount[] {
  if (uins.length === 0) throw usageError('--uin must be a QQ number')
  const accounts = uins.map((text) => {
    const uin = parseUin(text, '--uin')
    return { uin, password: env[`QQ_PASSWORD_${uin}`] || '' }
  })
  if (new Set(accounts.map((account) => account.uin)).size < accounts.length)
    throw usageError('--uin: each number once')
  const [only] = accounts
  if (only !== undefined && accounts.length === 1) {
    return [{ uin: only.uin, password: password || only.password || env.QQ_PASSWORD || '' }]
  }
  if (password !== undefined)
    throw usageError('--password is for one --uin: pass QQ_PASSWORD_<uin> for each')
  return accounts
}

export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        server: { type: 'string' },
        fingerprint: { type: 'string' },
        uin: { type: 'string', multiple: true },
        password: { type: 'string' },
        status: { type: 'string' },
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        level: { type: 'string' },
        reason: { type: 'string' },
        search: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const [command = '', ...args] = positionals
  const level = values.level === undefined ? 3 : Number(values.level)
  if (!Number.isInteger(level) || level < 0 || level > 3)
    throw usageError('--level must be 0, 1, 2 or 3')
  if (!values.help && (values.uin?.length ?? 0) > 1 && command !== 'listen')
    throw usageError('only listen takes several --uin')
  const accounts =
    values.help || command === '' ? [] : parseAccounts(values.uin ?? [], values.password, env)
  return {
    command,
    args,
    server: values.server ?? '',
    fingerprint:
      values.fingerprint === undefined ? undefined : parseFingerprint(values.fingerprint),
    uin: accounts[0]?.uin ?? 0,
    password: accounts[0]?.password ?? '',
    accounts,
    status: values.status === undefined ? STATUS.ONLINE : parseStatus(values.status),
    dataDir: values.data ?? defaultDataDir(env),
    json: values.json,
    level,
    reason: values.reason ?? '',
    search: values.search,
    help: values.help
  }
}
