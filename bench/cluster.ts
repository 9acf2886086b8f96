/**
 * The cluster under load, beside the single-process server on SQLite, in one run:
 * 1. GetMsgEx (an empty queue, the most frequent request) and CLTMSG: requests per second,
 *    p50/p99, and what each request costs in CPU in the nodes, HAProxy, Redis and
 *    PostgreSQL, for
 *    - the single-process server on SQLite (`--data`), reached directly,
 *    - one node (PostgreSQL + Redis), reached directly,
 *    - the same node behind HAProxy,
 *    - three nodes behind HAProxy in round robin;
 *    one connection per request (`Connection: close`, as clients of 2005 and ours do);
 * 2. delivery latency: from a CLTMSG sent to someone whose long poll is held (on whichever
 *    node HAProxy chose) to that poll's reply with the message;
 * 3. memory per held long poll, per node (and in Redis), measured first.
 * Rounds are taken in turn so every target meets the same disturbances; each target's best
 * round counts. Everything runs on this one machine, the load included. Figures to read,
 * not a test. `npm run bench:cluster` (QQ_BENCH_POSTGRES_URL, QQ_BENCH_REDIS_URL; default
 * postgres://127.0.0.1:5432/test and redis://127.0.0.1:6379, a schema and a key prefix of
 * its own, removed at the end).
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from 'redis'
import { createPool, readPostgresUrl } from '../src/server/storage/postgres/connection.ts'
import { hashPassword } from '../src/server/storage/passwords.ts'
import { startHaproxy, type RunningProxy } from '../test/cluster/haproxy.ts'
import { format, percentile } from './measure.ts'
import { cpuMs, rssMiB, start, type Child } from './processes.ts'
import { exchange, inParallel, logIn, request } from './wire.ts'

const POSTGRES_URL = process.env.QQ_BENCH_POSTGRES_URL ?? 'postgres://127.0.0.1:5432/test'
const REDIS_URL = process.env.QQ_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const SCHEMA = `bench_cluster_${process.pid}`
const PREFIX = `qq-bench:${randomUUID()}:`
const PROXY_SOURCE = '127.0.0.250'
const MAIN = new URL('../src/server/main.ts', import.meta.url).pathname

const SESSIONS = 1000
const PAIRS = 20
const SAMPLES_PER_PAIR = 10
const HELD_POLLS = 6000
const CONCURRENCY = 64
const ROUND_SECONDS = 2
const ROUNDS = 3
const PASSWORD = 'bench'

/** Numbers: the load's sessions, then senders and receivers of pings, then held polls. */
const LOAD = Array.from({ length: SESSIONS }, (_, i) => 100_000 + i)
const SENDERS = Array.from({ length: PAIRS }, (_, i) => 200_000 + i)
const RECEIVERS = Array.from({ length: PAIRS }, (_, i) => 300_000 + i)
const HOLDERS = Array.from({ length: HELD_POLLS }, (_, i) => 400_000 + i)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// ---- processes -------------------------------------------------------------------------

/** A server on MAIN, on a port of its own, its request log off. */
const startServer = (args: readonly string[]): Promise<Child> =>
  start([MAIN, '--port', '0', '--quiet', ...args], 'a server')

function stopServer(server: Child): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null) return resolve()
    server.process.once('exit', () => resolve())
    server.process.kill('SIGTERM')
  })
}

/** The processes of a program by name (`redis-server`, `postgres`: all its backends). */
function pidsOf(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name
      } catch {
        return false
      }
    })
    .map(Number)
}

/** CPU used by each part of a target, in ms, now. */
type CpuParts = Record<'server' | 'haproxy' | 'redis' | 'postgres', number>

function sumCpu(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + cpuMs(pid), 0)
}

// ---- requests --------------------------------------------------------------------------

const ok = (reply: string) => /&RES=0(&|$)/.test(reply)

const getMsgEx = LOAD.map((uin) => request(`VER=1.1&CMD=GetMsgEx&SEQ=1234&UIN=${uin}`))
const cltmsg = LOAD.map((uin, i) =>
  request(`VER=1.1&CMD=CLTMSG&SEQ=1234&UIN=${uin}&UN=${LOAD[(i + 1) % SESSIONS]}&MG=bench`)
)

// ---- throughput --------------------------------------------------------------------------

interface Target {
  readonly name: string
  readonly port: number
  /** The server processes (nodes) behind the port. */
  readonly servers: readonly Child[]
  readonly haproxy: RunningProxy | undefined
  /** Whether Redis and PostgreSQL work for it (not the SQLite server). */
  readonly shared: boolean
}

interface Round {
  readonly perSecond: number
  readonly latencies: number[]
  readonly failed: number
  /** CPU per request, µs, by part. */
  readonly cpu: CpuParts
}

function cpuNow(target: Target): CpuParts {
  return {
    server: sumCpu(target.servers.map((server) => server.process.pid ?? 0)),
    haproxy: target.haproxy ? cpuMs(target.haproxy.pid) : 0,
    redis: target.shared ? sumCpu(pidsOf('redis-server')) : 0,
    postgres: target.shared ? sumCpu(pidsOf('postgres')) : 0
  }
}

async function load(target: Target, seconds: number, requests: readonly Buffer[]): Promise<Round> {
  const latencies: number[] = []
  let failed = 0
  let next = 0
  const before = cpuNow(target)
  const started = performance.now()
  const end = started + seconds * 1000
  const client = async () => {
    while (performance.now() < end) {
      const sentAt = performance.now()
      const reply = await exchange(target.port, requests[next++ % requests.length] as Buffer, {
        tolerant: true
      })
      if (ok(reply)) latencies.push(performance.now() - sentAt)
      else failed += 1
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, client))
  const elapsed = (performance.now() - started) / 1000
  const after = cpuNow(target)
  const perRequest = (part: keyof CpuParts) =>
    ((after[part] - before[part]) / Math.max(1, latencies.length)) * 1000
  return {
    perSecond: latencies.length / elapsed,
    latencies,
    failed,
    cpu: {
      server: perRequest('server'),
      haproxy: perRequest('haproxy'),
      redis: perRequest('redis'),
      postgres: perRequest('postgres')
    }
  }
}

/** Each target's best round of `requests`, the rounds taken in turn. */
async function compare(
  what: string,
  targets: readonly Target[],
  requests: readonly Buffer[]
): Promise<Map<Target, Round>> {
  console.log(
    `${what}: ${CONCURRENCY} clients, a connection per request, best of ${ROUNDS} rounds of ${ROUND_SECONDS} s`
  )
  for (const target of targets) await load(target, 0.5, requests)
  const best = new Map<Target, Round>()
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const target = targets[(round + turn) % targets.length] as Target
      const result = await load(target, ROUND_SECONDS, requests)
      if (result.perSecond > (best.get(target)?.perSecond ?? 0)) best.set(target, result)
    }
  }
  const [baseline] = targets
  for (const target of targets) {
    const result = best.get(target)
    if (result === undefined) continue
    const sorted = result.latencies.sort((a, b) => a - b)
    const ratio = result.perSecond / (best.get(baseline as Target)?.perSecond ?? NaN)
    const cpu = result.cpu
    const parts = [
      `nodes ${format(cpu.server).padStart(4)}`,
      target.haproxy ? `haproxy ${format(cpu.haproxy).padStart(3)}` : '',
      target.shared
        ? `redis ${format(cpu.redis).padStart(3)}   postgres ${format(cpu.postgres).padStart(4)}`
        : ''
    ].filter((part) => part !== '')
    console.log(
      `  ${target.name.padEnd(30)} ${format(result.perSecond).padStart(6)} req/s ` +
        `(${format(ratio, 2)}×)   p50 ${format(percentile(sorted, 50), 1).padStart(5)} ms   ` +
        `p99 ${format(percentile(sorted, 99), 1).padStart(5)} ms   µs CPU/req: ${parts.join('   ')}` +
        (result.failed > 0 ? `   (${result.failed} failed)` : '')
    )
  }
  return best
}

// ---- delivery latency ------------------------------------------------------------------

/** From a CLTMSG to the reply of the recipient's held poll, PAIRS pairs at once. */
async function deliveryLatency(target: Target): Promise<void> {
  const latencies: number[] = []
  let lost = 0
  await Promise.all(
    SENDERS.map(async (sender, i) => {
      const receiver = RECEIVERS[i] as number
      for (let sample = 0; sample < SAMPLES_PER_PAIR; sample++) {
        const text = `ping${sample}`
        const poll = exchange(
          target.port,
          request(`VER=1.1&CMD=GetMsgEx&SEQ=${sample}&UIN=${receiver}&WT=30`),
          { tolerant: true }
        )
        // Held by now: what is measured is the wake-up, not a poll that finds a message.
        await sleep(50)
        const sentAt = performance.now()
        const sent = exchange(
          target.port,
          request(`VER=1.1&CMD=CLTMSG&SEQ=${sample}&UIN=${sender}&UN=${receiver}&MG=${text}`),
          { tolerant: true }
        )
        const reply = await poll
        if (reply.includes(text)) latencies.push(performance.now() - sentAt)
        else lost += 1
        await sent
      }
    })
  )
  const sorted = latencies.sort((a, b) => a - b)
  console.log(
    `  ${target.name.padEnd(30)} p50 ${format(percentile(sorted, 50), 2).padStart(6)} ms   ` +
      `p99 ${format(percentile(sorted, 99), 2).padStart(6)} ms` +
      (lost > 0 ? `   (${lost} polls without the message)` : '')
  )
}

// ---- memory per held poll ----------------------------------------------------------------

async function redisMemory(): Promise<number> {
  const redis = createClient({ url: REDIS_URL })
  await redis.connect()
  const info = await redis.info('memory')
  await redis.close()
  return Number(/used_memory:(\d+)/.exec(info)?.[1])
}

/** Holds HELD_POLLS polls through the target; the memory each node (and Redis) took. */
async function heldPolls(target: Target): Promise<void> {
  const pids = target.servers.map((server) => server.process.pid ?? 0)
  const before = pids.map(rssMiB)
  const redisBefore = target.shared ? await redisMemory() : 0
  const sockets: ReturnType<typeof connect>[] = []
  await inParallel(HOLDERS, 256, async (uin) => {
    const body = `VER=1.1&CMD=GetMsgEx&SEQ=1&UIN=${uin}&WT=30&AK=0`
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ port: target.port, host: '127.0.0.1' }, () =>
        socket.write(request(body), () => resolve())
      )
      socket.on('error', reject)
      sockets.push(socket)
    })
  })
  await sleep(1500)
  const after = pids.map(rssMiB)
  const redisAfter = target.shared ? await redisMemory() : 0
  const perNode = HELD_POLLS / pids.length
  const grown = after.map((rss, i) => (rss - (before[i] ?? NaN)) * 1024)
  const kib = grown.map((kibibytes) => (kibibytes / perNode).toFixed(1))
  // A node's garbage collector may run in between: the nodes together say more.
  const together = grown.reduce((sum, kibibytes) => sum + kibibytes, 0) / HELD_POLLS
  const redis = target.shared
    ? `; Redis ${format((redisAfter - redisBefore) / HELD_POLLS)} bytes per held poll`
    : ''
  console.log(
    `  ${target.name.padEnd(30)} ${format(HELD_POLLS)} polls, ~${format(perNode)} per node: ` +
      `${kib.join(', ')} KiB per held poll per node (${together.toFixed(1)} overall)${redis}`
  )
  for (const socket of sockets) socket.destroy()
  await sleep(1000)
}

// ---- the run ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'http-qq-bench-cluster-'))
  const servers: Child[] = []
  const proxies: RunningProxy[] = []
  try {
    // Logins are not what is measured: the accounts share one hash of the lowest cost.
    const passwordHash = await hashPassword(PASSWORD, { N: 16, r: 1, p: 1 })
    const accounts = [...LOAD, ...SENDERS, ...RECEIVERS, ...HOLDERS]
    const seedFile = join(folder, 'seed.json')
    writeFileSync(
      seedFile,
      JSON.stringify({ accounts: accounts.map((uin) => ({ uin, passwordHash })) })
    )
    const store = new URL(POSTGRES_URL)
    store.searchParams.set('schema', SCHEMA)
    // Penalties and rate windows out of the way: what is measured is the work.
    const common = ['--penalty-scale', '0.00001']
    const cluster = [
      ...['--store', store.toString(), '--redis', REDIS_URL, '--redis-prefix', PREFIX],
      ...['--proxy-protocol', '--trusted-proxy', PROXY_SOURCE],
      ...common
    ]
    const sqlite = await startServer(['--data', folder, '--seed', seedFile, ...common])
    servers.push(sqlite)
    const first = await startServer([...cluster, '--seed', seedFile])
    servers.push(first)
    const others = [await startServer(cluster), await startServer(cluster)]
    servers.push(...others)
    const nodes = [first, ...others]
    // The shipped haproxy.cfg; no health checks (a few requests a second, not measured).
    const behindOne = await startHaproxy([first.port], { source: PROXY_SOURCE, checks: false })
    proxies.push(behindOne)
    const behindThree = await startHaproxy(
      nodes.map((node) => node.port),
      { source: PROXY_SOURCE, checks: false }
    )
    proxies.push(behindThree)
    const targets: Target[] = [
      {
        name: 'one process, SQLite',
        port: sqlite.port,
        servers: [sqlite],
        haproxy: undefined,
        shared: false
      },
      { name: 'one node', port: first.port, servers: [first], haproxy: undefined, shared: true },
      {
        name: 'one node behind HAProxy',
        port: behindOne.port,
        servers: [first],
        haproxy: behindOne,
        shared: true
      },
      {
        name: 'three nodes behind HAProxy',
        port: behindThree.port,
        servers: nodes,
        haproxy: behindThree,
        shared: true
      }
    ]
    const everyone = [...LOAD, ...SENDERS, ...RECEIVERS, ...HOLDERS]
    // Sessions are kept by the client's address (127.0.0.1 here, also behind HAProxy): one
    // login serves every node of the cluster.
    await logIn(sqlite.port, everyone, PASSWORD, CONCURRENCY)
    await logIn(first.port, everyone, PASSWORD, CONCURRENCY)

    // Memory first, while the processes hold little garbage of the load to hide it in.
    console.log('Memory per held poll (GetMsgEx WT=30 AK=0)')
    for (const target of [targets[0], targets[1], targets[3]] as Target[]) await heldPolls(target)
    const polls = await compare('GetMsgEx, an empty queue', targets, getMsgEx)
    const messages = await compare('CLTMSG', targets, cltmsg)
    console.log(`Delivery: CLTMSG → the recipient's held poll answered, ${PAIRS} pairs at once`)
    for (const target of targets) await deliveryLatency(target)
    estimate(polls.get(targets[3] as Target), messages.get(targets[3] as Target))
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.stop()))
    await Promise.all(servers.map(stopServer))
    rmSync(folder, { recursive: true, force: true })
    await forget()
  }
}

/** What one core of each part carries, from the CPU each request took in three nodes. */
function estimate(polls: Round | undefined, messages: Round | undefined): void {
  if (polls === undefined || messages === undefined) return
  console.log('One core of each part would carry (requests/s, from the CPU per request above)')
  for (const [name, round] of [
    ['GetMsgEx', polls],
    ['CLTMSG', messages]
  ] as const) {
    const { server, haproxy, redis, postgres } = round.cpu
    const perCore = (us: number) => format(1_000_000 / us).padStart(7)
    console.log(
      `  ${name.padEnd(9)} node ${perCore(server)}   haproxy ${perCore(haproxy)}   ` +
        `redis ${perCore(redis)}   postgres ${perCore(postgres)}`
    )
  }
}

/** The bench's schema and keys go. */
async function forget(): Promise<void> {
  const pool = createPool(readPostgresUrl(POSTGRES_URL), 1)
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined)
  await pool.end()
  const redis = createClient({ url: REDIS_URL })
  await redis.connect()
  const keys = await redis.keys(`${PREFIX}*`)
  if (keys.length > 0) await redis.del(keys)
  await redis.close()
}

await main()
