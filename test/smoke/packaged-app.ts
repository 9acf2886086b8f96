/**
 * The smoke test of a packaged app, for the release workflow: `node test/smoke/packaged-app.ts
 * <path-to-executable>`. It launches the binary as shipped, with a fresh profile folder, logs
 * in with one click as a demo account of the built-in server and waits for the buddy list to
 * show friends. One line per step; exit 0 when every step passed, 1 otherwise.
 *
 * Not a vitest test: it needs a real Electron binary and a display. Playwright's
 * `_electron.launch` attaches through the Node inspector, which the packaged binary's
 * `EnableNodeCliInspectArguments` fuse turns off; so the app is started with Chromium's
 * `--remote-debugging-port` (no fuse covers it) and driven over CDP, and the binary tested is
 * the one released, fuses and all.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser } from 'playwright-core'
import { pageShowing } from '../e2e/shell/browser.ts'

/** A cold first start on a CI machine (an AppImage unpacking itself, Windows Defender). */
const STEP_TIMEOUT_MS = 90_000
const QUIT_TIMEOUT_MS = 10_000
/** How much of the app's own output and log a failure shows. */
const TAIL_LINES = 40

function step(message: string): void {
  console.log(`smoke: ${message}`)
}

/** The app's stdout and stderr, the last lines kept for a failure's report. */
function captureOutput(child: ChildProcess): string[] {
  const lines: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line)
      if (lines.length > TAIL_LINES) lines.shift()
    })
  }
  return lines
}

/** Chromium prints where its DevTools endpoint listens on stderr once it is up. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  const stderr = child.stderr
  if (stderr === null) return Promise.reject(new Error('the app has no stderr'))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no DevTools endpoint within ${STEP_TIMEOUT_MS / 1000} s`)),
      STEP_TIMEOUT_MS
    )
    createInterface({ input: stderr }).on('line', (line) => {
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(line)
      if (match?.[1] === undefined) return
      clearTimeout(timer)
      resolve(match[1])
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the app exited before it was up (code ${code}, signal ${signal})`))
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

async function smoke(child: ChildProcess): Promise<void> {
  const endpoint = await devToolsEndpoint(child)
  step(`DevTools endpoint ${endpoint}`)
  let browser: Browser | undefined
  try {
    browser = await chromium.connectOverCDP(endpoint, { timeout: STEP_TIMEOUT_MS })
    const context = browser.contexts()[0]
    if (context === undefined) throw new Error('the app has no browser context')
    const login = await pageShowing(context, 'login-server', STEP_TIMEOUT_MS)
    step(`login window open at ${login.url()}`)
    const demo = login.getByTestId(/^login-demo-\d+$/).first()
    await demo.waitFor({ timeout: STEP_TIMEOUT_MS })
    const testId = await demo.getAttribute('data-testid')
    await demo.click()
    step(`clicked ${testId}`)
    const buddies = await pageShowing(context, 'buddy-list', STEP_TIMEOUT_MS)
    step('buddy list open')
    await buddies
      .getByTestId(/^buddy-\d+$/)
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS })
    const friends = await buddies.getByTestId(/^buddy-\d+$/).count()
    step(`buddy list shows ${friends} friends`)
  } finally {
    // Connected over CDP, close() only disconnects; the app is stopped below.
    await browser?.close()
  }
}

/**
 * Stops the app and everything it started, and waits until they are gone (they write to the
 * profile folder until then). On Linux and macOS the app leads a process group of its own: an
 * AppImage's runtime is the process started and Electron its child, which a signal to the
 * runtime alone would leave running, holding the single-instance lock.
 */
async function stop(child: ChildProcess): Promise<void> {
  const group = process.platform === 'win32' ? undefined : child.pid
  const alive = (): boolean => {
    if (group === undefined) return child.exitCode === null && child.signalCode === null
    try {
      process.kill(-group, 0)
      return true
    } catch {
      return false
    }
  }
  const signal = (name: NodeJS.Signals): void => {
    try {
      if (group === undefined) child.kill(name)
      else process.kill(-group, name)
    } catch {
      // Gone meanwhile.
    }
  }
  signal('SIGTERM')
  const killAt = Date.now() + QUIT_TIMEOUT_MS
  let killed = false
  while (alive()) {
    if (!killed && Date.now() > killAt) {
      signal('SIGKILL')
      killed = true
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function tail(file: string): string[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-TAIL_LINES)
}

async function main(): Promise<number> {
  const [executable, ...rest] = process.argv.slice(2)
  if (executable === undefined || rest.length > 0) {
    console.error('error USAGE: node test/smoke/packaged-app.ts <path-to-executable>')
    return 1
  }
  if (!existsSync(executable)) {
    console.error(`error NOT_FOUND: no executable at ${executable}`)
    return 1
  }
  const profile = mkdtempSync(join(tmpdir(), 'http-qq-smoke-'))
  // Port 0: Chromium picks a free one and says which on stderr.
  const child = spawn(executable, ['--remote-debugging-port=0'], {
    env: { ...process.env, HTTP_QQ_PROFILE: profile },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32'
  })
  const output = captureOutput(child)
  step(`launched ${executable} with the profile ${profile}`)
  try {
    await smoke(child)
    await stop(child)
    step('app stopped')
    return 0
  } catch (error) {
    await stop(child)
    for (const line of output) console.error(`app: ${line}`)
    for (const line of tail(join(profile, 'logs', 'main.log'))) console.error(`log: ${line}`)
    console.error(`error SMOKE_FAILED: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 })
    } catch (error) {
      step(`left the profile behind: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

process.exitCode = await main()
