import { spawn } from 'node:child_process'

const MAIN = new URL('../../../src/server/main.ts', import.meta.url).pathname

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the command line to its end (or, with `untilOutput`, until that appears, then stops it). */
export function run(
  args: string[],
  options: { stdin?: string; untilOutput?: RegExp } = {}
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN, ...args])
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (options.untilOutput?.test(stdout)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}
