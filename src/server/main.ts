/**
 * The server's command line: `npm run server -- [options]`, or `npm run server -- account …`
 * to administer the accounts of a data folder. Runs with plain node (Node 22 strips types).
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ACCOUNT_USAGE, runAccountCommand } from './admin/account-command.ts'
import { AdminError } from './admin/accounts-admin.ts'
import { createLogger, isLogFormat } from '../logging/logger.ts'
import { REQUEST_LINES } from './log.ts'
import {
  DEMO_BOT_UIN,
  FolderInUseError,
  SeedError,
  startServer,
  type ServerOptions
} from './index.ts'

const USAGE = `usage: npm run server -- [options]
  --host HOST          address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port PORT          default 8000; 0 picks a free port (printed)
  --data DIR           keep accounts, lists and messages in DIR (default: memory, lost on exit)
  --seed FILE.json     create the accounts of FILE that do not exist yet
  --demo               on an empty data folder, create demo accounts and a bot; run the bot
  --classic            turn off the extensions (long poll WT, batches AK/BI/TM)
  --penalty-scale X    multiply the 20 s / 30 s penalties and rate-limit windows (default 1)
  --idle-timeout S     end a session silent for S seconds (LI, default 300)
  --heartbeat S        the HI sent to clients (default 60)
  --request-timeout S  cut off a client whose request takes longer to arrive (default 10)
  --log-format F       pretty or json (default: pretty on a terminal, json otherwise)
  --log-file FILE      append the request log to FILE instead of stdout
  --quiet              no request log
${ACCOUNT_USAGE}`

class UsageError extends Error {}

function numberOption(
  name: string,
  text: string | undefined,
  integer: boolean
): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new UsageError(`--${name} must be a ${integer ? 'whole ' : ''}number, not "${text}"`)
  }
  return value
}

function serverOptions(args: string[]): ServerOptions {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      demo: { type: 'boolean' },
      classic: { type: 'boolean' },
      'penalty-scale': { type: 'string' },
      'idle-timeout': { type: 'string' },
      heartbeat: { type: 'string' },
      'request-timeout': { type: 'string' },
      'log-format': { type: 'string' },
      'log-file': { type: 'string' },
      quiet: { type: 'boolean' }
    }
  })
  const format = values['log-format']
  if (format !== undefined && !isLogFormat(format)) {
    throw new UsageError(`--log-format must be pretty or json, not "${format}"`)
  }
  const port = numberOption('port', values.port, true)
  if (port !== undefined && port > 65535) throw new UsageError('--port is at most 65535')
  const penaltyScale = numberOption('penalty-scale', values['penalty-scale'], false)
  if (penaltyScale === 0) throw new UsageError('--penalty-scale must be above 0')
  const requestTimeoutSeconds = numberOption('request-timeout', values['request-timeout'], false)
  if (requestTimeoutSeconds === 0) throw new UsageError('--request-timeout must be above 0')
  return {
    host: values.host,
    port,
    dataDir: values.data,
    seed: values.seed === undefined ? undefined : JSON.parse(readFileSync(values.seed, 'utf8')),
    demo: values.demo,
    classic: values.classic,
    penaltyScale,
    idleTimeoutSeconds: numberOption('idle-timeout', values['idle-timeout'], true),
    heartbeatSeconds: numberOption('heartbeat', values.heartbeat, true),
    requestTimeoutSeconds,
    log: values.quiet
      ? undefined
      : createLogger({ format, file: values['log-file'], pretty: REQUEST_LINES })
  }
}

async function serve(args: string[]): Promise<void> {
  const options = serverOptions(args)
  const server = await startServer(options)
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const host = server.host.includes(':') ? `[${server.host}]` : server.host
  console.log(`listening on http://${host}:${server.port}`)
  if (options.dataDir === undefined) {
    console.log('no --data: accounts and messages live in memory and are lost on exit')
  }
  for (const account of server.demoAccounts) {
    console.log(`demo account ${account.uin} (${account.nick}) password ${account.password}`)
  }
  if (options.demo && server.demoAccounts.length === 0) {
    console.log('--demo: the data folder has accounts already, so no demo set was created')
  } else if (options.demo) console.log(`demo bot ${DEMO_BOT_UIN} answers every message`)
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE)
    return
  }
  try {
    if (args[0] === 'account') console.log(await runAccountCommand(args.slice(1)))
    else await serve(args)
  } catch (error) {
    if (error instanceof AdminError) {
      console.error(`error ${error.code}: ${error.message}`)
      process.exitCode = 1
    } else if (
      error instanceof SeedError ||
      error instanceof SyntaxError ||
      error instanceof FolderInUseError
    ) {
      console.error(`error: ${error.message}`)
      process.exitCode = 1
    } else if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${(error as Error).message}\n\n${USAGE}`)
      process.exitCode = 2
    } else throw error
  }
}

await main(process.argv.slice(2))
