/**
 * The server under load, beside a bare node:http server in the same run:
 * 1. requests/s and p50/p99 of `GetMsgEx` from 1,000 logged-in sessions, one connection per
 *    request (`Connection: close`, as the clients of 2005 did), for
 *    - a bare node:http server returning a fixed reply (the baseline),
 *    - the same fixed reply behind our front (what reading legacy request lines costs),
 *    - the HTTP QQ server with its request log on, as an admin runs it (JSON lines to a file),
 *    - the same with --quiet, to show what the log costs;
 *    - the same server over TLS on the same port (D-27), a full handshake per request, as our
 *      client does, and over TLS with the connection kept alive;
 * 2. the server's memory with 10,000 long polls held.
 * Each server runs in a process of its own; this process is the load. Figures to watch,
 * not a test. `npm run bench:server`
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type RequestListener } from 'node:http'
import { connect, type AddressInfo, type Server } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFront } from '../src/server/http/front.ts'
import { SERVER_HEADER } from '../src/server/http/replies.ts'
import { hashPassword } from '../src/server/storage/passwords.ts'
import { makeCertificate } from '../src/server/tls/certificate.ts'
import { format, percentile } from './measure.ts'
import { cpuMs, rssMiB, start, type Child } from './processes.ts'
import { exchange, inParallel, logIn, openTls, request } from './wire.ts'

const SESSIONS = 1000
const HELD_POLLS = 10_000
const CONCURRENCY = 64
const ROUND_SECONDS = 2
const ROUNDS = 6
const FIRST_UIN = 100_000
const PASSWORD = 'bench'
const MAIN = new URL('../src/server/main.ts', import.meta.url).pathname
const SELF = new URL(import.meta.url).pathname

// ---- the baseline servers, run as child processes of this script ------------------------

const FIXED = Buffer.from(`VER=1.1&CMD=GETMSGEX&SEQ=1234&UIN=${FIRST_UIN}&RES=0&MN=0&MT=&UN=&MG=`)
const fixedReply: RequestListener = (req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, {
      Server: SERVER_HEADER,
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Length': FIXED.length
    })
    res.end(FIXED)
  })
}

function runBaseline(kind: string): void {
  const http = createHttpServer({ requireHostHeader: false }, fixedReply)
  const listening: Server =
    kind === 'front'
      ? createFront(http, { maxConnections: 20_000, firstLineTimeoutMs: 10_000 }).server
      : http
  listening.listen(0, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${(listening.address() as AddressInfo).port}`)
  })
}

// ---- the load ------------------------------------------------------------------------------

function stop(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.process.once('exit', () => resolve())
    child.process.kill('SIGKILL')
  })
}

/** One TLS connection kept alive: a request, its whole reply (by Content-Length), the next. */
class KeptConnection {
  readonly #socket: TLSSocket
  #buffer = Buffer.alloc(0)
  #waiting: ((reply: string) => void) | undefined

  constructor(socket: TLSSocket) {
    this.#socket = socket
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk])
      this.#deliver()
    })
    socket.on('error', () => this.#waiting?.(''))
    socket.on('close', () => this.#waiting?.(''))
  }

  static open(port: number): Promise<KeptConnection> {
    return new Promise((resolve, reject) => {
      const socket = openTls(port, () => resolve(new KeptConnection(socket)))
      socket.once('error', reject)
    })
  }

  get closed(): boolean {
    return this.#socket.destroyed
  }

  send(bytes: Buffer): Promise<string> {
    return new Promise((resolve) => {
      this.#waiting = resolve
      this.#socket.write(bytes)
    })
  }

  close(): void {
    this.#socket.destroy()
  }

  #deliver(): void {
    const headerEnd = this.#buffer.indexOf('\r\n\r\n')
    if (headerEnd < 0) return
    const length = Number(
      /content-length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1]
    )
    const end = headerEnd + 4 + length
    if (this.#buffer.length < end) return
    const reply = this.#buffer.subarray(0, end).toString()
    this.#buffer = this.#buffer.subarray(end)
    const waiting = this.#waiting
    this.#waiting = undefined
    waiting?.(reply)
  }
}

const getMsgExOf = (connection: string) =>
  Array.from({ length: SESSIONS }, (_, i) =>
    request(`VER=1.1&CMD=GetMsgEx&SEQ=1234&UIN=${FIRST_UIN + i}`, connection)
  )
const getMsgEx = getMsgExOf('close')
const getMsgExKeptAlive = getMsgExOf('keep-alive')

/** How the load reaches a target: the seed's way, or over TLS (D-27). */
type Mode = 'plain' | 'tls' | 'tls-keep-alive'

/** One client of the load: sends a request in the target's way and returns the reply. */
function clientOf(port: number, mode: Mode): { send(i: number): Promise<string>; end(): void } {
  if (mode !== 'tls-keep-alive') {
    return {
      send: (i) => exchange(port, getMsgEx[i % SESSIONS] as Buffer, { tls: mode === 'tls' }),
      end: () => undefined
    }
  }
  let kept: Promise<KeptConnection> | undefined
  return {
    send: async (i) => {
      if (kept === undefined || (await kept).closed) kept = KeptConnection.open(port)
      return (await kept).send(getMsgExKeptAlive[i % SESSIONS] as Buffer)
    },
    end: () =>
      void kept?.then(
        (connection) => connection.close(),
        () => undefined
      )
  }
}

interface Load {
  readonly perSecond: number
  readonly latencies: number[]
  readonly failed: number
}

/** CONCURRENCY clients sending GetMsgEx for `seconds`, each request a new connection but
 * with `tls-keep-alive`, where each client keeps its own. */
async function load(port: number, seconds: number, mode: Mode = 'plain'): Promise<Load> {
  const latencies: number[] = []
  let failed = 0
  let next = 0
  const started = performance.now()
  const end = started + seconds * 1000
  const client = async () => {
    const connection = clientOf(port, mode)
    while (performance.now() < end) {
      const sentAt = performance.now()
      const reply = await connection.send(next++).catch(() => '')
      if (reply.startsWith('HTTP/1.1 200 OK') && reply.includes('&RES=0&')) {
        latencies.push(performance.now() - sentAt)
      } else failed += 1
    }
    connection.end()
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, client))
  const elapsed = (performance.now() - started) / 1000
  return { perSecond: latencies.length / elapsed, latencies, failed }
}

/** Opens HELD_POLLS connections, each holding a `GetMsgEx WT=30`; returns them to close. */
async function holdPolls(port: number, uins: readonly number[]): Promise<() => void> {
  const sockets: ReturnType<typeof connect>[] = []
  await inParallel(uins, 256, async (uin) => {
    const body = `VER=1.1&CMD=GetMsgEx&SEQ=1&UIN=${uin}&WT=30&AK=0`
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1' }, () => {
        socket.write(request(body, 'keep-alive'), () => resolve())
      })
      socket.on('error', reject)
      socket.on('data', () => {
        throw new Error(`poll of ${uin} answered before its time`)
      })
      sockets.push(socket)
    })
  })
  return () => sockets.forEach((socket) => socket.destroy())
}

interface Target {
  readonly name: string
  readonly child: Child
  readonly mode: Mode
  /** Requests per second in each round, in round order. */
  readonly rates: number[]
  best?: Load & { readonly cpuPerRequest: number }
}

/**
 * Rounds taken in turn, so that whatever else the machine does at some moment hurts every
 * target alike, and in an order that turns each round, so that no target always follows
 * the same one; each target's best round counts, with the server's CPU time per request.
 */
async function compare(targets: Target[]): Promise<void> {
  for (const target of targets) await load(target.child.port, 1, target.mode)
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const target = targets[(round + turn) % targets.length] as Target
      const pid = target.child.process.pid ?? 0
      const cpuBefore = cpuMs(pid)
      const result = await load(target.child.port, ROUND_SECONDS, target.mode)
      const cpuPerRequest = ((cpuMs(pid) - cpuBefore) / result.latencies.length) * 1000
      target.rates.push(result.perSecond)
      if (!target.best || result.perSecond > target.best.perSecond) {
        target.best = { ...result, cpuPerRequest }
      }
    }
  }
  for (const { name, best } of targets) {
    if (best)
      console.log(
        `  ${name.padEnd(34)} ${describe(best)}   ${format(best.cpuPerRequest).padStart(4)} µs CPU/req`
      )
  }
}

/** `target`'s rate over the baseline's in the same round: median (lowest–highest). */
function roundByRound(target: Target, baseline: Target): string {
  const ratios = target.rates.map((rate, i) => rate / (baseline.rates[i] ?? NaN))
  const sorted = ratios.sort((a, b) => a - b)
  const ends = `${format(sorted[0] ?? NaN, 2)}–${format(sorted.at(-1) ?? NaN, 2)}×`
  return `${format(percentile(sorted, 50), 2)}× (${ends})`
}

function describe({ perSecond, latencies, failed }: Load): string {
  const sorted = latencies.sort((a, b) => a - b)
  const p = (n: number) => format(percentile(sorted, n), 2).padStart(6)
  const errors = failed > 0 ? `  (${failed} failed)` : ''
  return `${format(perSecond).padStart(7)} req/s   p50 ${p(50)} ms   p99 ${p(99)} ms${errors}`
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'http-qq-bench-'))
  try {
    // Logins are not what is measured: the accounts share one hash of the lowest cost.
    const passwordHash = await hashPassword(PASSWORD, { N: 16, r: 1, p: 1 })
    const uins = Array.from({ length: HELD_POLLS }, (_, i) => FIRST_UIN + i)
    const seedFile = join(folder, 'seed.json')
    writeFileSync(
      seedFile,
      JSON.stringify({ accounts: uins.map((uin) => ({ uin, passwordHash })) })
    )
    // D-27: TLS on the same port, in a server process of its own (its log on too): the
    // handshakes' garbage would otherwise be collected during the plain rounds.
    const certificate = await makeCertificate(['127.0.0.1'])
    const certFile = join(folder, 'bench-cert.pem')
    const keyFile = join(folder, 'bench-key.pem')
    writeFileSync(certFile, certificate.cert)
    writeFileSync(keyFile, certificate.key)
    const serve = (data: string, ...options: string[]) =>
      start([MAIN, '--port', '0', '--data', data, '--seed', seedFile, ...options])
    const server = await serve(folder, '--log-file', join(folder, 'server.log'))
    const quietFolder = join(folder, 'quiet')
    mkdirSync(quietFolder)
    const quiet = await serve(quietFolder, '--quiet')
    const secureFolder = join(folder, 'tls')
    mkdirSync(secureFolder)
    const secure = await serve(
      secureFolder,
      ...['--log-file', join(secureFolder, 'server.log')],
      ...['--tls-cert', certFile, '--tls-key', keyFile]
    )
    for (const child of [server, quiet, secure])
      await logIn(child.port, uins.slice(0, SESSIONS), PASSWORD, CONCURRENCY)
    const targets: Target[] = [
      { name: 'bare node:http, fixed reply', child: await start([SELF, '--role', 'bare']) },
      { name: 'our front + the same reply', child: await start([SELF, '--role', 'front']) },
      { name: 'HTTP QQ server, log to file', child: server },
      { name: 'HTTP QQ server, --quiet', child: quiet },
      { name: 'HTTP QQ server, TLS', child: secure, mode: 'tls' as const },
      { name: 'HTTP QQ server, TLS, keep-alive', child: secure, mode: 'tls-keep-alive' as const }
    ].map((target) => ({ mode: 'plain' as const, ...target, rates: [] }))
    console.log(
      `GetMsgEx, Connection: close unless said, ${format(SESSIONS)} sessions, ${CONCURRENCY} clients, ` +
        `${ROUNDS} rounds of ${ROUND_SECONDS} s each, taken in turn`
    )
    await compare(targets)
    const [bare, front, ours, silent, tls, keptAlive] = targets as [
      Target,
      Target,
      Target,
      Target,
      Target,
      Target
    ]
    const best = (target: Target): number => target.best?.perSecond ?? NaN
    console.log(
      `  best rounds:    front / bare = ${format(best(front) / best(bare), 2)}×   ` +
        `server, log on / bare = ${format(best(ours) / best(bare), 2)}× (goal ≥ 0.90×)   ` +
        `--quiet / bare = ${format(best(silent) / best(bare), 2)}×`
    )
    console.log(
      `  round by round: front / bare = ${roundByRound(front, bare)}   ` +
        `server, log on / bare = ${roundByRound(ours, bare)}   ` +
        `--quiet / bare = ${roundByRound(silent, bare)}`
    )
    console.log(
      `  TLS, round by round: TLS / plain = ${roundByRound(tls, ours)}   ` +
        `TLS keep-alive / plain = ${roundByRound(keptAlive, ours)}`
    )
    await Promise.all([bare, front, silent, tls].map((target) => stop(target.child)))

    await logIn(server.port, uins.slice(SESSIONS), PASSWORD, CONCURRENCY)
    const serverPid = server.process.pid ?? 0
    const before = rssMiB(serverPid)
    const release = await holdPolls(server.port, uins)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const held = rssMiB(serverPid)
    console.log(`Long polls (GetMsgEx WT=30 AK=0) held by ${format(HELD_POLLS)} sessions`)
    console.log(
      `  server RSS ${format(before, 1)} MiB with ${format(HELD_POLLS)} sessions, ` +
        `${format(held, 1)} MiB with every poll held: ` +
        `${format(((held - before) * 1024) / HELD_POLLS, 1)} KiB per held poll`
    )
    release()
    await stop(server)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

const role = process.argv.indexOf('--role')
if (role >= 0) runBaseline(process.argv[role + 1] ?? 'bare')
else await main()
