/**
 * Starts the real web shell (`node src/web-shell/main.ts`) on port 0 with a temporary
 * profile, as `npm run web` would after a build, and reads the address it prints.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '../../..')
export const ADDRESS_LINE = /^web shell: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m

export interface RunningWebShell {
  readonly url: string
  readonly origin: string
  readonly token: string
  /** The process id, for benchmarks that read its CPU time. */
  readonly pid: number
  /** Everything it printed to stdout so far. */
  output(): string
  stop(): Promise<void>
}

export async function startWebShellProcess(
  extraArgs: readonly string[] = []
): Promise<RunningWebShell> {
  if (!existsSync(join(ROOT, 'out/web-bridge/web-bridge.js'))) {
    throw new Error('the web shell needs a build: run `npm run build` first')
  }
  const data = mkdtempSync(join(tmpdir(), 'http-qq-e2e-'))
  const child = spawn(
    process.execPath,
    ['src/web-shell/main.ts', '--port', '0', '--data', data, ...extraArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no address printed:\n${stdout}\n${stderr}`)),
      60_000
    )
    const check = (): void => {
      const found = ADDRESS_LINE.exec(stdout)
      if (found === null) return
      clearTimeout(timer)
      resolve(found)
    }
    child.stdout.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the web shell exited (${code}):\n${stdout}\n${stderr}`))
    })
  })
  const [, url = '', port = '', token = ''] = match
  return {
    url,
    origin: `http://127.0.0.1:${port}`,
    token,
    pid: child.pid ?? 0,
    output: () => stdout,
    async stop() {
      child.kill('SIGTERM')
      await exited
      rmSync(data, { recursive: true, force: true })
    }
  }
}
