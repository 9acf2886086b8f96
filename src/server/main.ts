/**
 * The server's command line: `npm run server -- [options]`, or `npm run server -- account …`
 * to administer the accounts of a data folder. Runs with plain node (Node 22 strips types).
 */
import { parseArgs } from 'node:util'
import { ACCOUNT_USAGE, runAccountCommand } from './admin/account-command.ts'
import { AdminError } from './admin/accounts-admin.ts'
import { createLogger, isLogFormat } from '../logging/logger.ts'
import { CERT_USAGE, runCertCommand } from './admin/cert-command.ts'
import { MIGRATE_USAGE, runMigrateCommand } from './admin/migrate-command.ts'
import { postgresTargetOption } from './admin/store-option.ts'
import { StartError, startProblem, UsageError } from './cli-errors.ts'
import { DEMO_BOT_UIN, startServer, type ServerOptions } from './index.ts'
import { REQUEST_LINES } from './log.ts'
import { readSeedFile } from './seed/read-seed-file.ts'
import { StoreUnavailableError } from './storage/open-store.ts'
import { TrustedProxyError, trustedProxies } from './http/trusted-proxies.ts'
import { describeTarget } from './storage/postgres/connection.ts'
import { readCertificateFiles } from './tls/tls-files.ts'

const USAGE = `usage: npm run server -- [options]
  --host HOST          address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port PORT          0 to 65535, default 8000; 0 picks a free port (printed)
  --data DIR           keep accounts, lists and messages in DIR (default: memory, lost on exit)
  --store URL          keep them in PostgreSQL instead (postgres://USER@HOST:PORT/DB[?schema=S]),
                       shared by the nodes of a cluster; the schema is migrated at start
  --seed FILE.json     create the accounts of FILE that do not exist yet
  --demo               on an empty data folder, create demo accounts and a bot; run the bot
  --classic            turn off the extensions (long poll WT, batches AK/BI/TM)
  --penalty-scale X    multiply the 20 s / 30 s penalties and rate-limit windows
                       (above 0, at most 1000; default 1)
  --idle-timeout S     end a session silent for S seconds (LI, 1 to 86400, default 300)
  --heartbeat S        the HI sent to clients (1 to 86400, default 60)
  --request-timeout S  cut off a client whose request takes longer to arrive
                       (above 0, at most 3600; default 10)
  --log-format F       pretty or json (default: pretty on a terminal, json otherwise)
  --log-file FILE      append the request log to FILE instead of stdout
  --quiet              no request log
  --tls-cert FILE      with --tls-key FILE (PEM): the port answers TLS as well as plain (D-27)
  --require-tls        with a certificate: plain connections get no reply (the clients of
                       2005 cannot connect)
  --proxy-protocol     behind a load balancer: read the PROXY header (v1 or v2) that the
                       --trusted-proxy addresses send; refuse it from anyone else
  --trusted-proxy CIDR an address or block (10.0.0.0/8, ::1) whose PROXY headers are
                       believed; repeat it or separate with commas
  --redis URL          cluster: sessions, presence, rate windows and long-poll wake-ups in
                       this Redis (redis://host:port), shared with the other nodes
  --redis-prefix P     begin every Redis key with P (default qq:): one per deployment
${ACCOUNT_USAGE}
${CERT_USAGE}
${MIGRATE_USAGE}
Exit code 0 on success; otherwise one line "error CODE: message" and 1, or 2 for a usage error.`

interface Range {
  readonly integer: boolean
  readonly min: number
  /** Whether `min` itself is refused (a scale or a timeout of 0 means nothing). */
  readonly aboveMin?: boolean
  readonly max: number
}

const describeRange = (range: Range): string =>
  range.integer
    ? `a whole number from ${range.min} to ${range.max}`
    : `a number above ${range.min}, at most ${range.max}`

function numberOption(name: string, text: string | undefined, range: Range): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  const fits =
    text.trim() !== '' &&
    Number.isFinite(value) &&
    (!range.integer || Number.isInteger(value)) &&
    (range.aboveMin ? value > range.min : value >= range.min) &&
    value <= range.max
  if (!fits) throw new UsageError(`--${name} must be ${describeRange(range)}, not "${text}"`)
  return value
}

// The longest waits stay far below the 24.8 days past which a Node timer fires at once.
const SECONDS = { integer: true, min: 1, max: 86_400 }

function serverOptions(args: string[]): ServerOptions & { seedPath?: string } {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      store: { type: 'string' },
      seed: { type: 'string' },
      demo: { type: 'boolean' },
      classic: { type: 'boolean' },
      'penalty-scale': { type: 'string' },
      'idle-timeout': { type: 'string' },
      heartbeat: { type: 'string' },
      'request-timeout': { type: 'string' },
      'log-format': { type: 'string' },
      'log-file': { type: 'string' },
      quiet: { type: 'boolean' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'require-tls': { type: 'boolean' },
      'proxy-protocol': { type: 'boolean' },
      'trusted-proxy': { type: 'string', multiple: true },
      redis: { type: 'string' },
      'redis-prefix': { type: 'string' }
    }
  })
  const format = values['log-format']
  if (format !== undefined && !isLogFormat(format)) {
    throw new UsageError(`--log-format must be pretty or json, not "${format}"`)
  }
  const certFile = values['tls-cert']
  const keyFile = values['tls-key']
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together')
  }
  if (values['require-tls'] && certFile === undefined) {
    throw new UsageError('--require-tls needs a certificate: --tls-cert FILE --tls-key FILE')
  }
  if (values.store !== undefined) {
    postgresTargetOption(values.store)
    if (values.data !== undefined) {
      throw new UsageError('--data and --store go separately: the data is in one or the other')
    }
  }
  return {
    trustedProxies: proxyOptions(values['proxy-protocol'], values['trusted-proxy']),
    ...redisOptions(values.redis, values['redis-prefix']),
    host: values.host,
    port: numberOption('port', values.port, { integer: true, min: 0, max: 65535 }),
    tls: certFile && keyFile ? readCertificateFiles(certFile, keyFile) : undefined,
    requireTls: values['require-tls'],
    dataDir: values.data,
    store: values.store,
    seedPath: values.seed,
    seed:
      values.seed === undefined ? undefined : (readSeedFile(values.seed) as ServerOptions['seed']),
    demo: values.demo,
    classic: values.classic,
    penaltyScale: numberOption('penalty-scale', values['penalty-scale'], {
      integer: false,
      min: 0,
      aboveMin: true,
      max: 1000
    }),
    idleTimeoutSeconds: numberOption('idle-timeout', values['idle-timeout'], SECONDS),
    heartbeatSeconds: numberOption('heartbeat', values.heartbeat, SECONDS),
    requestTimeoutSeconds: numberOption('request-timeout', values['request-timeout'], {
      integer: false,
      min: 0,
      aboveMin: true,
      max: 3600
    }),
    log: values.quiet
      ? undefined
      : createLogger({ format, file: values['log-file'], pretty: REQUEST_LINES })
  }
}

/** `--proxy-protocol` and the `--trusted-proxy` blocks it believes go together. */
function proxyOptions(on: boolean | undefined, blocks: string[] | undefined): string[] | undefined {
  if (!on && blocks === undefined) return undefined
  if (!on) throw new UsageError('--trusted-proxy goes with --proxy-protocol')
  if (blocks === undefined) {
    throw new UsageError('--proxy-protocol needs the proxies it believes: --trusted-proxy CIDR')
  }
  try {
    trustedProxies(blocks)
  } catch (error) {
    if (!(error instanceof TrustedProxyError)) throw error
    throw new UsageError(`--trusted-proxy ${error.message}`)
  }
  return blocks
}

function redisOptions(
  url: string | undefined,
  prefix: string | undefined
): { redis?: string; redisPrefix?: string } {
  if (url === undefined) {
    if (prefix !== undefined) throw new UsageError('--redis-prefix goes with --redis URL')
    return {}
  }
  if (!/^rediss?:\/\/./.test(url)) {
    throw new UsageError(`--redis must be a redis:// or rediss:// address, not "${url}"`)
  }
  if (prefix !== undefined && !/^[!-~]{1,64}$/.test(prefix)) {
    throw new UsageError(`--redis-prefix must be 1 to 64 visible ASCII characters, not "${prefix}"`)
  }
  return { redis: url, redisPrefix: prefix }
}

const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`

async function serve(args: string[]): Promise<void> {
  const options = serverOptions(args)
  const server = await startServer(options).catch((error: unknown) => {
    throw startProblem(error, {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 8000,
      dataDir: options.dataDir,
      seedPath: options.seedPath
    })
  })
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const host = server.host.includes(':') ? `[${server.host}]` : server.host
  console.log(`listening on http://${host}:${server.port}`)
  if (server.fingerprint !== undefined) {
    console.log(`TLS on the same port: https://${host}:${server.port}`)
    console.log(`certificate SHA-256 fingerprint: ${server.fingerprint}`)
    if (options.requireTls) console.log('--require-tls: plain connections get no reply')
  }
  if (options.redis !== undefined) {
    // Never the password a URL may carry.
    const { protocol, host } = new URL(options.redis)
    console.log(`live state in Redis ${protocol}//${host}, keys ${options.redisPrefix ?? 'qq:'}…`)
  }
  if (options.trustedProxies) {
    const blocks = options.trustedProxies.flatMap((value) => value.split(','))
    console.log(`PROXY protocol from ${blocks.map((block) => block.trim()).join(', ')}`)
  }
  if (options.store !== undefined) {
    console.log(`store: PostgreSQL at ${describeTarget(postgresTargetOption(options.store))}`)
  } else if (options.dataDir === undefined) {
    console.log('no --data: accounts and messages live in memory and are lost on exit')
  }
  if (server.seeded) {
    const { created, kept } = server.seeded
    console.log(
      `seed ${options.seedPath}: ${plural(created.length, 'account', 'accounts')} created, ` +
        `${kept.length} already there and kept as they are`
    )
  }
  for (const account of server.demoAccounts) {
    console.log(`demo account ${account.uin} (${account.nick}) password ${account.password}`)
  }
  if (options.demo && server.demoAccounts.length === 0) {
    console.log('--demo: the data folder has accounts already, so no demo set was created')
  } else if (options.demo) console.log(`demo bot ${DEMO_BOT_UIN} answers every message`)
}

/** The line to print and the exit code, or undefined for an error that is a bug. */
function report(error: unknown): { line: string; exitCode: number } | undefined {
  if (error instanceof AdminError || error instanceof StartError) {
    return { line: `error ${error.code}: ${error.message}`, exitCode: 1 }
  }
  if (error instanceof StoreUnavailableError) {
    return { line: `error STORE: ${error.message}`, exitCode: 1 }
  }
  const parseError = (error as { code?: unknown }).code
  if (
    error instanceof UsageError ||
    (typeof parseError === 'string' && parseError.startsWith('ERR_PARSE_ARGS'))
  ) {
    const message = (error as Error).message.split('\n')[0]
    return { line: `error INVALID_ARGUMENT: ${message} (see --help)`, exitCode: 2 }
  }
  return undefined
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE)
    return
  }
  try {
    if (args[0] === 'account') console.log(await runAccountCommand(args.slice(1)))
    else if (args[0] === 'cert') console.log(await runCertCommand(args.slice(1)))
    else if (args[0] === 'migrate') console.log(await runMigrateCommand(args.slice(1)))
    else await serve(args)
  } catch (error) {
    const said = report(error)
    if (!said) throw error
    console.error(said.line)
    process.exitCode = said.exitCode
  }
}

await main(process.argv.slice(2))
