/**
 * The processes a bench measures: started with node, found by the port they print, and
 * read in /proc for their CPU time and memory. Shared by bench/server.ts and bench/cluster.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** A process this bench started, listening on `port`. */
export interface Child {
  readonly process: ChildProcess
  readonly port: number
}

/**
 * Runs `node ...args` and resolves once it prints `listening on http://HOST:PORT`; rejects,
 * naming it `what`, if it exits first.
 */
export function start(args: readonly string[], what = args.join(' ')): Promise<Child> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ...args], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(out)
      if (match) resolve({ process: child, port: Number(match[1]) })
    })
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}): ${out}`)))
  })
}

/** CPU time (user + system) a process has used, in ms; 0 for one gone. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')
    return (Number(fields?.[11]) + Number(fields?.[12])) * 10
  } catch {
    return 0
  }
}

/** A process's resident memory, in MiB. */
export const rssMiB = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024
