/**
 * The headless client: every call of the app from a shell, over the same core. Exit code 0
 * on success; otherwise one line `error CODE: message` on stderr (2 for a usage error).
 */
import { join } from 'node:path'
import { createClientCore, createFileSettingsStore, NO_SECRETS } from '../core/index.ts'
import { codeOf } from '../core/results.ts'
import type { AccountId } from '../shared/account-id.ts'
import { CodedError } from '../shared/errors.ts'
import { parseCli, USAGE, type CliAccount, type CliOptions } from './args.ts'
import { runCommand, valueOf } from './commands.ts'
import { printHistory } from './history.ts'
import { listen } from './listen.ts'
import type { Output } from './output.ts'
import { parseCommand, type CliCommand } from './parse-command.ts'
import { cliLanguage, errorWords } from './words.ts'

const stdout: Output = { line: (text) => process.stdout.write(text + '\n') }

/** A failure, with the number it is about: mine until I am logged in, then the command's. */
class Failure extends Error {
  readonly error: unknown
  readonly uin: number

  constructor(error: unknown, uin: number) {
    super('failed', { cause: error })
    this.error = error
    this.uin = uin
  }
}

/** What to say when a number has no password, by how many numbers there are. */
function noPassword(options: CliOptions, uin: number): CodedError {
  const where =
    options.accounts.length > 1
      ? `QQ_PASSWORD_${uin}`
      : '--password, QQ_PASSWORD_<uin> or QQ_PASSWORD'
  return new CodedError('INVALID_ARGUMENT', `no password for ${uin} (${where})`)
}

async function run(options: CliOptions, command: CliCommand): Promise<void> {
  if (command.name === 'history') return printHistory(options, command, stdout)
  for (const { uin, password } of options.accounts) {
    if (password === '') throw noPassword(options, uin)
  }
  const core = createClientCore({
    dataDir: options.dataDir,
    settings: createFileSettingsStore(join(options.dataDir, 'settings.json')),
    secrets: NO_SECRETS
  })
  const login = async ({ uin, password }: CliAccount): Promise<AccountId> => {
    try {
      const signedIn = valueOf(
        await core.calls.login({
          uin,
          password,
          status: options.status,
          rememberPassword: false,
          autoLogin: false,
          server: options.server,
          fingerprint: options.fingerprint
        })
      )
      return signedIn.account
    } catch (error) {
      throw new Failure(error, uin)
    }
  }
  try {
    if (command.name === 'listen') {
      // One after another: a wrong password for one stops before the next is tried.
      await listen(core, options, stdout, async () => {
        const accounts: AccountId[] = []
        for (const account of options.accounts) accounts.push(await login(account))
        return accounts
      })
    } else {
      const account = await login({ uin: options.uin, password: options.password })
      await runCommand(core, account, command, options.json, stdout).catch((error: unknown) => {
        throw new Failure(error, 'uin' in command ? command.uin : options.uin)
      })
    }
  } finally {
    await core.stop()
  }
}

async function main(): Promise<number> {
  let uin = 0
  try {
    const options = parseCli(process.argv.slice(2), process.env)
    if (options.help || options.command === '') {
      process.stdout.write(USAGE + '\n')
      return options.help ? 0 : 2
    }
    uin = options.uin
    // Before anything else: a usage error logs in nowhere.
    await run(options, parseCommand(options))
    return 0
  } catch (caught) {
    const error = caught instanceof Failure ? caught.error : caught
    const code = codeOf(error)
    const message = error instanceof Error ? error.message : String(error)
    const words = errorWords(
      code,
      message,
      caught instanceof Failure ? caught.uin : uin,
      cliLanguage(process.env)
    )
    // D-27: the user compares it with what the server's admin sees, then passes it.
    const accept =
      error instanceof CodedError && error.fingerprint !== undefined
        ? `; if the server's admin shows the same, pass --fingerprint ${error.fingerprint}`
        : ''
    process.stderr.write(`error ${code}: ${words.split('\n')[0]}${accept}\n`)
    return code === 'INVALID_ARGUMENT' ? 2 : 1
  }
}

process.exitCode = await main()
