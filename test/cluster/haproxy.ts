/**
 * A real HAProxy in front of test nodes, configured by docs/cluster/haproxy.cfg itself (with
 * the test's ports), so the tests also prove the configuration the README hands out.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const CONFIG = new URL('../../docs/cluster/haproxy.cfg', import.meta.url)

/** Why the HAProxy tests cannot run here, or undefined when they can. */
export function haproxyMissing(): string | undefined {
  const probe = spawnSync('haproxy', ['-v'], { encoding: 'utf8' })
  return probe.error || probe.status !== 0
    ? 'haproxy is not installed (apt-get install haproxy)'
    : undefined
}

/**
 * A port free right now. HAProxy needs a concrete port to bind, so one is taken from the
 * system (port 0) and given back; another process could take it in between, which on a
 * test machine does not happen in practice.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface RunningProxy {
  readonly port: number
  /** HAProxy's process, for what it costs (its CPU time). */
  readonly pid: number
  stop(): Promise<void>
}

export interface HaproxyOptions {
  /**
   * The address HAProxy connects to the nodes from (default: the system's choice, 127.0.0.1),
   * so that the nodes can trust it alone and still serve 127.0.0.1 directly.
   */
  readonly source?: string
  /** Health checks (default on). Off, no request but the clients' reaches the nodes. */
  readonly checks?: boolean
  /** A Unix socket for HAProxy's runtime API (`show stat`: connections per node). */
  readonly statsSocket?: string
}

/** The shipped configuration, listening on `port` in front of `nodes`, checking them often. */
export function haproxyConfig(
  port: number,
  nodes: readonly number[],
  options: HaproxyOptions = {}
): string {
  const servers = nodes.map((node, i) => `    server node${i + 1} 127.0.0.1:${node}`).join('\n')
  let config = readFileSync(CONFIG, 'utf8')
    .replace(/^ {4}bind :8000$/m, `    bind 127.0.0.1:${port}`)
    .replace(/check inter 2s/, options.checks === false ? '' : 'check inter 100ms')
    .replace(/^( {4}server node\d+ .*\n?)+/m, `${servers}\n`)
  if (options.source !== undefined) {
    config = config.replace(/^backend nodes$/m, `backend nodes\n    source ${options.source}`)
  }
  if (options.statsSocket !== undefined) {
    config = config.replace(/^global$/m, `global\n    stats socket ${options.statsSocket}`)
  }
  return config
}

/** Starts HAProxy in the foreground; resolves once it accepts connections. */
export async function startHaproxy(
  nodes: readonly number[],
  options: HaproxyOptions = {}
): Promise<RunningProxy> {
  const folder = mkdtempSync(join(tmpdir(), 'http-qq-haproxy-'))
  const port = await freePort()
  const file = join(folder, 'haproxy.cfg')
  writeFileSync(file, haproxyConfig(port, nodes, options))
  const child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
    rmSync(folder, { recursive: true, force: true })
  }
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) break
    if (await accepts(port)) return { port, pid: child.pid ?? 0, stop }
    if (attempt > 100) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await stop()
  throw new Error(`haproxy did not start: ${stderr}`)
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      socket.destroy()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
}

/**
 * The connections HAProxy has open to each node now (`scur` of `show stat`), by server name
 * (node1, node2, …), read from its runtime API socket (HaproxyOptions.statsSocket).
 */
export function connectionsPerNode(statsSocket: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    let text = ''
    const socket = connect(statsSocket, () => socket.write('show stat\n'))
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = '', ...rows] = text.trim().split('\n')
      const columns = head.replace(/^# /, '').split(',')
      const [proxy, server, current] = ['pxname', 'svname', 'scur'].map((name) =>
        columns.indexOf(name)
      ) as [number, number, number]
      const counts = new Map<string, number>()
      for (const row of rows.map((line) => line.split(','))) {
        const name = row[server] ?? ''
        if (row[proxy] === 'nodes' && /^node\d+$/.test(name)) {
          counts.set(name, Number(row[current]))
        }
      }
      resolve(counts)
    })
  })
}
