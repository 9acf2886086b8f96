/**
 * Events under load, through the web shell: the 5,000-friend account with its buddy list and
 * the chat with one friend open, while that friend sends 20 messages a second for 10 s. For
 * each window, the bytes and events its socket delivered per message and the time its main
 * thread was busy (Chrome's TaskDuration); the CPU the web shell and its core host (where
 * the core runs) spent per message; the buddy list's frame times meanwhile (requestAnimationFrame
 * deltas). Prints figures; never a pass/fail test. Needs
 * `npm run build` first; reads the shell's CPU time from /proc, so Linux only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import {
  createClientCore,
  createFileSettingsStore,
  NO_SECRETS,
  type ClientCore
} from '../src/core/index.ts'
import { WINDOW_SIZES } from '../test/e2e/gui/gui-world.ts'
import { launchBrowser, pageShowing } from '../test/e2e/shell/browser.ts'
import { startWebShellProcess } from '../test/e2e/shell/web-shell-process.ts'
import { routeToHash } from '../src/shared/routes.ts'
import { format, percentile } from './measure.ts'
import { BIG, startUiWorld } from './ui-world.ts'

const PER_SECOND = 20
const SECONDS = 10
const MESSAGES = PER_SECOND * SECONDS
/** The stream counts as settled (marking read done) after this long without an event. */
const QUIET_MS = 1_500
/** Linux's clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = 100

// Runs in the buddy list's page: the time between one animation frame and the next.
const FRAME_RECORDER = `(() => {
  const times = (window.__qqFrames = [])
  let before = performance.now()
  const tick = (now) => {
    times.push(now - before)
    before = now
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

/**
 * Milliseconds of CPU (user + system) the process and its children have used so far: the
 * web shell runs the core in a child process of its own (the core host).
 */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ')
  return children.filter(Boolean).reduce((sum, child) => sum + cpuMs(Number(child)), own)
}

/** An event frame and its kind: the first `type` in it, whether or not its account comes first. */
const EVENT_FRAME = /^\{"event":\{.*?"type":"([\w-]+)"/

/**
 * Resolves once the process uses less than a tenth of a core over a second: after a login the
 * core goes on loading 5,000 friends' nicks and faces in the background, which is not what
 * this bench measures.
 */
async function quiet(pid: number): Promise<void> {
  for (;;) {
    const before = cpuMs(pid)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    if (cpuMs(pid) - before < 100) return
  }
}

/** One window: what its socket brought it (event frames, their bytes), and its busy time. */
interface Window {
  bytes: number
  /** Events by type. */
  readonly events: Map<string, number>
  /** When the last event came (performance.now()). */
  last: number
  /** Milliseconds the page's main thread has spent running tasks so far. */
  busyMs(): Promise<number>
}

async function openWindow(
  page: Page,
  url: string,
  kind: 'buddies' | 'chat',
  selector: string
): Promise<Window> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const window: Window = {
    bytes: 0,
    events: new Map(),
    last: 0,
    async busyMs() {
      const { metrics } = await cdp.send('Performance.getMetrics')
      return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN) * 1000
    }
  }
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload)
      const type = EVENT_FRAME.exec(text)?.[1]
      if (type === undefined) return
      window.events.set(type, (window.events.get(type) ?? 0) + 1)
      window.bytes += Buffer.byteLength(text)
      window.last = performance.now()
    })
  )
  await page.setViewportSize(WINDOW_SIZES[kind])
  await page.goto(url)
  await page.locator(selector).first().waitFor({ timeout: 120_000 })
  return window
}

const total = (counts: ReadonlyMap<string, number>): number =>
  [...counts.values()].reduce((sum, n) => sum + n, 0)

async function sender(
  server: string,
  dataDir: string
): Promise<{ core: ClientCore; account: string }> {
  const core = createClientCore({
    dataDir: join(dataDir, 'sender'),
    settings: createFileSettingsStore(join(dataDir, 'sender.json')),
    secrets: NO_SECRETS,
    // Five messages per 100 ms: the burst's pace is this bench's, not the rate limit's.
    timing: { messageWindowMs: 100 }
  })
  const login = await core.calls.login({
    uin: BIG.peer,
    password: 'unused',
    status: 10,
    rememberPassword: false,
    autoLogin: false,
    server
  })
  if (!login.ok) throw new Error(`sender login: ${login.error.code}`)
  return { core, account: login.value.account }
}

const world = await startUiWorld()
const senderDir = mkdtempSync(join(tmpdir(), 'qq-bench-events-'))
const shell = await startWebShellProcess([
  '--server',
  world.server.address,
  '--data',
  world.dataDir(BIG)
])
const browser = await launchBrowser()
let buddies: Window
let chat: Window
let shellCpu: number
let frames: number[]
const busy = { buddies: 0, chat: 0 }
try {
  const login = await browser.context.newPage()
  await login.goto(`${shell.url}#/login`)
  await login.getByTestId('login-uin').fill(String(BIG.uin))
  await login.getByTestId('login-password').fill(BIG.password)
  await login.getByTestId('login-submit').click()
  await pageShowing(browser.context, `buddies-${BIG.uin}`, 180_000)
  // Exactly two windows from here on: the buddy list and the chat, each on its own socket.
  for (const page of browser.context.pages()) await page.close()
  const buddyPage = await browser.context.newPage()
  buddies = await openWindow(
    buddyPage,
    shell.url + routeToHash({ kind: 'buddies', account: world.account(BIG) }),
    'buddies',
    '[data-testid^="buddy-"][role="treeitem"]'
  )
  chat = await openWindow(
    await browser.context.newPage(),
    shell.url + routeToHash({ kind: 'chat', account: world.account(BIG), uin: BIG.peer }),
    'chat',
    '[data-testid="chat-message"]'
  )
  const from = await sender(world.server.address, senderDir)
  // Let the login, the windows and the sender settle, then count from zero.
  await quiet(shell.pid)
  for (const window of [buddies, chat]) {
    window.bytes = 0
    window.events.clear()
  }
  // The buddy list in front: a tab behind another draws no frames to time.
  await buddyPage.bringToFront()
  await buddyPage.evaluate(FRAME_RECORDER)
  busy.buddies = -(await buddies.busyMs())
  busy.chat = -(await chat.busyMs())
  const cpuBefore = cpuMs(shell.pid)
  for (let i = 0; i < MESSAGES; i++) {
    void from.core.calls.sendMessage(from.account, BIG.uin, `burst ${i}`)
    await new Promise((resolve) => setTimeout(resolve, 1000 / PER_SECOND))
  }
  while (
    (chat.events.get('message') ?? 0) < MESSAGES ||
    performance.now() - Math.max(buddies.last, chat.last) < QUIET_MS
  )
    await new Promise((resolve) => setTimeout(resolve, 100))
  shellCpu = cpuMs(shell.pid) - cpuBefore
  busy.buddies += await buddies.busyMs()
  busy.chat += await chat.busyMs()
  frames = await buddyPage.evaluate(
    () => (globalThis as unknown as { __qqFrames: number[] }).__qqFrames
  )
  await from.core.stop()
} finally {
  await browser.close()
  await shell.stop()
  await world.close()
  rmSync(senderDir, { recursive: true, force: true })
}

const perMessage = (n: number, digits = 1): string => format(n / MESSAGES, digits).padStart(10)
const kinds = (window: Window): string =>
  [...window.events].map(([type, n]) => `${type} ${format(n / MESSAGES, 2)}`).join(', ')
const row = (name: string, window: Window, busyMs: number): string =>
  `${name.padEnd(24)}${perMessage(total(window.events))}${perMessage(window.bytes, 0)}` +
  `${perMessage(busyMs, 2)}   ${kinds(window)}`
const sorted = [...frames].sort((a, b) => a - b)
console.log(
  `${format(MESSAGES)} messages, ${PER_SECOND} a second, to an account with ${format(BIG.friends)} friends; Chromium (headless)`
)
console.log(
  `${'per message'.padEnd(24)}${'events'.padStart(10)}${'bytes'.padStart(10)}${'busy ms'.padStart(10)}   events by type`
)
console.log(row('buddy list window', buddies, busy.buddies))
console.log(row('chat window (focused)', chat, busy.chat))
console.log(`web shell CPU (core + bridge): ${format(shellCpu / MESSAGES, 2)} ms per message`)
console.log(
  `buddy list frames: p50 ${format(percentile(sorted, 50), 1)} ms, p99 ${format(percentile(sorted, 99), 1)} ms, ` +
    `longest ${format(sorted.at(-1) ?? NaN, 1)} ms, ${sorted.filter((ms) => ms > 50).length} over 50 ms of ${sorted.length}`
)
