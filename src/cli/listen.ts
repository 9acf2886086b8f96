import { createInterface } from 'node:readline'
import type { ClientCore } from '../core/index.ts'
import { codeOf } from '../core/results.ts'
import { CodedError, ERROR_CODES } from '../shared/errors.ts'
import { parseAccountId, type AccountId } from '../shared/account-id.ts'
import type { CliOptions } from './args.ts'
import { runCommand } from './commands.ts'
import { parseCommand } from './parse-command.ts'
import type { Output } from './output.ts'

/** Commands whose last argument is a text: the rest of the line after the number. */
const TEXT_COMMANDS = new Set(['send', 'add', 'refuse'])

/**
 * Splits a command line read from stdin. The text of `send` (or the reason of `add` and
 * `refuse`) is the rest of the line as typed, or a JSON string when it starts with `"`,
 * for text with line breaks.
 */
export function splitCommandLine(line: string): { command: string; args: string[] } {
  const [command = '', ...words] = line.trim().split(/\s+/)
  if (!TEXT_COMMANDS.has(command)) return { command, args: words }
  const match = /^\s*\S+\s+(\S+)(?:\s+(.*\S))?\s*$/s.exec(line)
  const [, uin, text] = match ?? []
  if (uin === undefined) return { command, args: [] }
  if (text === undefined) return { command, args: [uin] }
  return { command, args: [uin, text.startsWith('"') ? parseJsonText(text) : text] }
}

function parseJsonText(text: string): string {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value === 'string') return value
  } catch {
    // reported below
  }
  throw new CodedError('INVALID_ARGUMENT', 'a text starting with " must be one JSON string')
}

/** The number an account id is for: what a bot knows its accounts by (it passed `--uin`). */
const uinOf = (account: AccountId): number | undefined => parseAccountId(account)?.uin

/**
 * `listen`: every event as a JSON line, from the login on, until SIGINT or SIGTERM (or a
 * session ends for a reason), with commands from stdin answered as `{"type":"result",...}`
 * lines. Every line names the number it is for (`"account":10001`): several `--uin` listen
 * at once. A bot is a loop over its output that writes to its input.
 */
export async function listen(
  core: ClientCore,
  options: CliOptions,
  out: Output,
  login: () => Promise<AccountId[]>
): Promise<void> {
  const print = (value: unknown) => out.line(JSON.stringify(value))
  let finish: (error?: CodedError) => void = () => undefined
  const finished = new Promise<void>((resolve, reject) => {
    finish = (error) => (error === undefined ? resolve() : reject(error))
  })
  const stopEvents = core.onEvent(({ account, event }) => {
    // The app's own events (the list of accounts) say nothing the command line was not told.
    if (account === null) return
    print({ account: uinOf(account), ...event })
    if (event.type !== 'session' || event.session.phase !== 'offline') return
    const { reason } = event.session
    if (reason === undefined) return
    // The server (or the network) ended a session: exit with its code, for a supervisor.
    const code = ERROR_CODES.find((known) => known === reason) ?? 'NOT_LOGGED_IN'
    finish(new CodedError(code, `the session of ${uinOf(account)} ended (${reason})`))
  })
  const onSignal = () => finish()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  let accounts: AccountId[]
  try {
    accounts = await login()
  } catch (error) {
    stopEvents()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    throw error
  }
  const input = createInterface({ input: process.stdin, terminal: false })
  // One command at a time, in the order given, as a shell would run them.
  let queue = Promise.resolve()
  input.on('line', (line) => {
    if (line.trim() === '') return
    queue = queue.then(() => runLine(core, accounts, options, line)).then(print)
  })
  try {
    await finished
  } finally {
    input.close()
    stopEvents()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/**
 * The account a command line is for and the command without it: `@UIN` first names one of
 * those listening; without it, the only one. With several, a line must name one: a command
 * never acts as an account it was not written for.
 */
export function accountOfLine(
  accounts: readonly AccountId[],
  line: string
): { account: AccountId; rest: string } {
  const match = /^\s*@(\S*)\s*(.*)$/s.exec(line)
  if (match === null) {
    const [only] = accounts
    if (only === undefined || accounts.length > 1)
      throw new CodedError('INVALID_ARGUMENT', 'several accounts listen: start the line with @UIN')
    return { account: only, rest: line }
  }
  const [, uin = '', rest = ''] = match
  const account = accounts.find((id) => String(uinOf(id)) === uin)
  if (account === undefined)
    throw new CodedError(
      'INVALID_ARGUMENT',
      `@${uin.slice(0, 12)} is not one of the accounts listening`
    )
  return { account, rest }
}

async function runLine(
  core: ClientCore,
  accounts: readonly AccountId[],
  options: CliOptions,
  line: string
): Promise<unknown> {
  let command = ''
  let account: AccountId | undefined
  try {
    // Named in the result even when the line names no account it may act as.
    command =
      line
        .replace(/^\s*@\S*/, '')
        .trim()
        .split(/\s+/)[0] ?? ''
    const chosen = accountOfLine(accounts, line)
    account = chosen.account
    const parsed = splitCommandLine(chosen.rest)
    command = parsed.command
    if (command === 'listen') throw new CodedError('INVALID_ARGUMENT', 'already listening')
    const lines: string[] = []
    await runCommand(
      core,
      account,
      parseCommand({ ...options, command, args: parsed.args }),
      true,
      {
        line: (text) => lines.push(text)
      }
    )
    return {
      type: 'result',
      account: uinOf(account),
      command,
      ok: true,
      output: lines.map((text) => JSON.parse(text) as unknown)
    }
  } catch (error) {
    const code = codeOf(error)
    const message = error instanceof Error ? error.message : String(error)
    const of = account === undefined ? {} : { account: uinOf(account) }
    return { type: 'result', ...of, command, ok: false, error: { code, message } }
  }
}
