/**
 * The release workflow's smoke test (test/smoke/packaged-app.ts) cannot meet a packaged app
 * here: there is no Electron binary. What stands in for one is the same renderer in Chromium,
 * through the web shell and its built-in server, started the way the script starts the app
 * (`--remote-debugging-port=0`, the profile in HTTP_QQ_PROFILE). So the script's own steps
 * run for real: the DevTools endpoint read from stderr, the login window found, a demo login,
 * the buddy list with friends.
 */
import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, startWebShellProcess, type RunningWebShell } from './web-shell-process.ts'

const run = promisify(execFile)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

let shell: RunningWebShell
let folder: string

beforeAll(async () => {
  shell = await startWebShellProcess()
  folder = mkdtempSync(join(tmpdir(), 'http-qq-smoke-script-'))
})
afterAll(async () => {
  await shell?.stop()
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true })
})

function executable(name: string, script: string): string {
  const file = join(folder, name)
  writeFileSync(file, `#!/bin/sh\n${script}\n`)
  chmodSync(file, 0o755)
  return file
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function smoke(app: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['test/smoke/packaged-app.ts', app], {
      cwd: ROOT
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('the smoke test of a packaged app', () => {
  it('logs in as a demo account and finds friends in the buddy list, one line per step', async () => {
    // Like an AppImage, the process started is not the app: it starts the app as its child.
    const pidFile = join(folder, 'app.pid')
    const app = executable(
      'stand-in',
      `'${CHROMIUM}' --headless --no-sandbox --no-first-run ` +
        `--user-data-dir="$HTTP_QQ_PROFILE/chromium" "$@" '${shell.url}#/login' &\n` +
        `echo $! > '${pidFile}'\nwait`
    )
    const result = await smoke(app)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const steps = result.stdout.trimEnd().split('\n')
    expect(steps[0]).toMatch(/^smoke: launched .* with the profile /)
    expect(steps.slice(1)).toEqual([
      expect.stringMatching(/^smoke: DevTools endpoint ws:\/\/127\.0\.0\.1:\d+\//),
      expect.stringMatching(/^smoke: login window open at /),
      expect.stringMatching(/^smoke: clicked login-demo-\d+$/),
      'smoke: buddy list open',
      expect.stringMatching(/^smoke: buddy list shows [1-9]\d* friends$/),
      'smoke: app stopped'
    ])
    // Stopped means the app too, not only the process that started it.
    const pid = Number(readFileSync(pidFile, 'utf8'))
    await expect.poll(() => isRunning(pid), { timeout: 10_000 }).toBe(false)
  })

  it('fails with the app’s last words when the app dies before it is up', async () => {
    const app = executable('dies', 'echo "bad option: $1" >&2\nexit 3')
    const result = await smoke(app)
    expect(result.code).toBe(1)
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'app: bad option: --remote-debugging-port=0',
      'error SMOKE_FAILED: the app exited before it was up (code 3, signal null)'
    ])
  })

  it('refuses to start without an executable', async () => {
    const result = await smoke(join(folder, 'missing'))
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`error NOT_FOUND: no executable at ${join(folder, 'missing')}\n`)
  })
})
