import type { AddressInfo } from 'node:net'
import { connectRedis } from './cluster/redis-connection.ts'
import { createRedisState } from './cluster/redis-state.ts'
import { createContext, type LiveStateFactory } from './context.ts'
import { startBot, type Bot } from './demo/bot.ts'
import { ensureDemoSet, type DemoAccountInfo } from './demo/demo.ts'
import { Dispatcher } from './dispatch.ts'
import type { Logger } from '../logging/logger.ts'
import { createFront } from './http/front.ts'
import { createHttpServer } from './http/http-server.ts'
import { trustedProxies } from './http/trusted-proxies.ts'
import { logRefusedConnection } from './log.ts'
import { importSeed, type SeedResult } from './seed/import-seed.ts'
import type { SeedFile } from './seed/seed-file.ts'
import { openStore } from './storage/open-store.ts'
import { fingerprintOf, type CertificatePair } from './tls/certificate.ts'
import { secureContextOf } from './tls/secure-context.ts'

export type { DemoAccountInfo } from './demo/demo.ts'
export type { SeedFile, SeedAccount } from './seed/seed-file.ts'
export type { SeedResult } from './seed/import-seed.ts'
export { SeedError } from './seed/seed-file.ts'
export { FolderInUseError } from './storage/folder-lock.ts'
export { DEMO_BOT_UIN, AUTO_REPLY_MARKER } from './demo/demo-set.ts'
export { TrustedProxyError } from './http/trusted-proxies.ts'

export interface ServerOptions {
  /** Default 127.0.0.1. */
  host?: string
  /** Default 8000; 0 picks any free port. */
  port?: number
  /** The folder of the SQLite database; undefined keeps everything in memory. */
  dataDir?: string
  /** `postgres://…[?schema=NAME]`: PostgreSQL instead of SQLite, shared by a cluster's nodes. */
  store?: string
  /** Turns off the extensions of section 8 (long poll `WT`, batches `AK`/`BI`/`TM`). */
  classic?: boolean
  /** Multiplies the 20 s / 30 s penalties and the rate-limit windows (default 1). */
  penaltyScale?: number
  /** `LI`: a session that sends nothing for this long ends (default 300). */
  idleTimeoutSeconds?: number
  /** `HI`: how often clients are asked to send something (default 60). */
  heartbeatSeconds?: number
  /** Accounts to create when missing; see SeedFile. */
  seed?: SeedFile
  /** On an empty data folder, creates the demo accounts and the bot; runs the bot. */
  demo?: boolean
  /** Where the request log goes, one record per request (see log.ts); default: no log. */
  log?: Logger
  /** The most connections open at once; more are refused (default 16,000). */
  maxConnections?: number
  /** A request must arrive whole within this; slower clients are cut off (default 10). */
  requestTimeoutSeconds?: number
  /** D-27: the port answers TLS with this certificate (PEM), and plain as before. */
  tls?: CertificatePair
  /** D-27: with `tls`, plain connections get NULL for every request. */
  requireTls?: boolean
  /**
   * Turns on the PROXY protocol (v1 and v2): connections from these addresses or CIDR blocks
   * (`10.0.0.0/8`, `::1`) must start with a PROXY header, whose client is the request's
   * address; a header from anywhere else closes the connection. Undefined: off.
   */
  trustedProxies?: readonly string[]
  /**
   * Cluster: keep the live state (sessions, presence, rate windows, login guard, long-poll
   * wake-ups) in this Redis (`redis://host:port`), shared with the other nodes.
   */
  redis?: string
  /** Begins every Redis key and channel of this deployment (default `qq:`). */
  redisPrefix?: string
}

export interface RunningServer {
  host: string
  port: number
  /** `host:port` */
  address: string
  /** D-27: the SHA-256 fingerprint of the certificate served, when there is one. */
  fingerprint: string | undefined
  /** The demo people and their passwords ([] unless `demo`). */
  demoAccounts: DemoAccountInfo[]
  /** What the seed file did: the accounts created and those kept (undefined without one). */
  seeded: SeedResult | undefined
  /**
   * Requests being answered now, held long polls and penalties included: what `close`
   * answers before it cuts connections.
   */
  inFlight(): number
  /** Stops listening, answers held requests, cuts connections and closes the database. */
  close(): Promise<void>
}

/** The longest a closing server waits for the requests it is answering. */
const CLOSE_WAIT_MS = 5000

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref())

/** Where the demo bot reaches the server it runs in. */
function loopbackOf(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

/** The live state: in this process, or in Redis for a cluster node. */
async function connectLiveState(options: ServerOptions): Promise<LiveStateFactory | undefined> {
  if (options.redis === undefined) return undefined
  const connection = await connectRedis(options.redis, options.redisPrefix ?? 'qq:')
  return (stateOptions) => createRedisState(connection, stateOptions)
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const config = {
    classic: options.classic ?? false,
    penaltyScale: options.penaltyScale ?? 1,
    idleTimeoutSeconds: options.idleTimeoutSeconds ?? 300,
    heartbeatSeconds: options.heartbeatSeconds ?? 60
  }
  // A certificate that cannot be read fails the start before anything is opened.
  const secureContext = options.tls && secureContextOf(options.tls)
  const fingerprint = options.tls && fingerprintOf(options.tls.cert)
  const proxies = options.trustedProxies && trustedProxies(options.trustedProxies)
  const { store, unlock } = await openStore(options)
  const { demo, seeded } = await store
    .exclusively(async () => ({
      demo: options.demo ? await ensureDemoSet(store) : undefined,
      seeded: options.seed ? await importSeed(store.accounts, options.seed) : undefined
    }))
    .catch(async (error: unknown) => {
      unlock()
      await store.close()
      throw error
    })
  const redis = await connectLiveState(options).catch(async (error: unknown) => {
    unlock()
    await store.close()
    throw error
  })
  const ctx = createContext(store, config, redis)
  let closing = false
  const requestTimeoutMs = (options.requestTimeoutSeconds ?? 10) * 1000
  const dispatcher = new Dispatcher(ctx, options.log)
  const http = createHttpServer(
    dispatcher,
    {
      requestTimeoutMs,
      // Clients that keep a connection between heartbeats find it still open.
      keepAliveTimeoutMs: (config.heartbeatSeconds + 5) * 1000,
      idleSocketTimeoutMs: 120_000
    },
    () => closing
  )
  const front = createFront(http, {
    maxConnections: options.maxConnections ?? 16_000,
    firstLineTimeoutMs: requestTimeoutMs,
    tls: secureContext,
    requireTls: options.requireTls,
    proxies,
    onRefused: (address, why) => {
      if (options.log) logRefusedConnection(options.log, address, why)
    }
  })
  await new Promise<void>((resolve, reject) => {
    front.server.once('error', reject)
    front.server.listen(options.port ?? 8000, host, () => {
      front.server.off('error', reject)
      resolve()
    })
  }).catch(async (error: unknown) => {
    front.close()
    http.close()
    await ctx.close()
    await store.close()
    unlock()
    throw error
  })
  const port = (front.server.address() as AddressInfo).port
  let bot: Bot | undefined
  if (demo?.bot) {
    bot = startBot({
      // D-27: over TLS whenever the server has a certificate (--require-tls leaves no other
      // way), trusting exactly its own, whatever names the certificate carries.
      server: `${fingerprint === undefined ? '' : 'https://'}${loopbackOf(host)}:${port}`,
      fingerprint,
      uin: demo.bot.uin,
      password: demo.bot.password,
      messageWindowMs: 5000 * config.penaltyScale
    })
  }

  let closed: Promise<void> | undefined
  const close = async (): Promise<void> => {
    closing = true
    await bot?.stop()
    const stopped = new Promise<void>((resolve) => front.server.close(() => resolve()))
    // Held requests are answered now, while the database is still open. A store that
    // cannot be reached is not waited for past its own timeouts.
    ctx.waiters.wakeAll()
    ctx.penalties.releaseAll()
    await Promise.race([dispatcher.idle(), sleep(CLOSE_WAIT_MS)])
    await new Promise((resolve) => setImmediate(resolve))
    http.closeAllConnections()
    front.close()
    http.close(() => {})
    await stopped
    await ctx.close()
    await store.close()
    unlock()
  }
  return {
    host,
    port,
    address: `${host}:${port}`,
    fingerprint,
    demoAccounts: demo?.accounts ?? [],
    seeded,
    inFlight: () => dispatcher.inFlight,
    close: () => (closed ??= close())
  }
}
