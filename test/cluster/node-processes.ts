/**
 * Cluster nodes as processes of their own (`npm run server` with --store and --redis), so a
 * test can kill one with SIGKILL: no cleanup, no answer to what it holds, as in a crash.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

const MAIN = new URL('../../src/server/main.ts', import.meta.url).pathname

export interface NodeProcess {
  readonly port: number
  readonly child: ChildProcess
  /** Resolves with the signal (or exit code) the process ended with. */
  readonly exited: Promise<NodeJS.Signals | number | null>
}

/** Starts a node on a free port with these command-line options; resolves once it listens. */
export async function startNodeProcess(args: readonly string[]): Promise<NodeProcess> {
  const child = spawn(process.execPath, [MAIN, '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code))
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const { stdout } = child
  if (stdout === null) throw new Error('no stdout')
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: stdout }).on('line', (line) => {
      const match = /^listening on http:\/\/[^:]+:(\d+)$/.exec(line)
      if (match) resolve(Number(match[1]))
    })
    void exited.then((end) => reject(new Error(`the node ended (${String(end)}): ${stderr}`)))
  })
  return { port, child, exited }
}

/** Ends a node that is still running, as an admin would (SIGTERM), and waits for it. */
export async function stopNodeProcess(node: NodeProcess): Promise<void> {
  if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGTERM')
  await node.exited
}
