/**
 * The renderer in Chromium through the web shell: the first render of a buddy list with
 * 5,000 friends, and opening a chat whose history holds 100,000 messages; beside each, the
 * same with 50 friends and 10 messages as the baseline of this run. Goals: < 100 ms and
 * < 200 ms from the window having its data (the `qq:synced` mark) to its rows on screen.
 * Prints figures; never a pass/fail test. Needs `npm run build` first.
 */
import type { BrowserContext } from 'playwright-core'
import { WINDOW_SIZES } from '../test/e2e/gui/gui-world.ts'
import { launchBrowser, pageShowing } from '../test/e2e/shell/browser.ts'
import { startWebShellProcess } from '../test/e2e/shell/web-shell-process.ts'
import { routeToHash } from '../src/shared/routes.ts'
import { format, percentile } from './measure.ts'
import { BIG, SMALL, startUiWorld, type Scenario } from './ui-world.ts'

const RUNS = 7

// Runs in the page before its own scripts: notes when the first row of each kind is on
// screen (a frame after it is in the document, so the frame with it has been painted).
const WATCHER = `
  window.__qqSeen = {}
  const wanted = { buddies: '[data-testid^="buddy-"][role="treeitem"]', chat: '[data-testid="chat-message"]' }
  new MutationObserver(() => {
    for (const [name, selector] of Object.entries(wanted)) {
      if (name in window.__qqSeen || !document.querySelector(selector)) continue
      window.__qqSeen[name] = null
      requestAnimationFrame(() => setTimeout(() => (window.__qqSeen[name] = performance.now())))
    }
  }).observe(document, { childList: true, subtree: true })
`

/** What the watcher leaves on the page (typed here, where there is no DOM). */
interface Watched {
  __qqSeen?: Record<string, number | null>
}

interface Timing {
  /** From the tab opening (navigation start) to the rows on screen. */
  readonly total: number
  /** From the window having its snapshot to the rows on screen. */
  readonly render: number
}

async function measure(
  context: BrowserContext,
  url: string,
  kind: 'buddies' | 'chat'
): Promise<Timing> {
  const page = await context.newPage()
  await page.setViewportSize(WINDOW_SIZES[kind])
  await page.addInitScript({ content: WATCHER })
  await page.goto(url)
  await page.waitForFunction(
    (name) => typeof (globalThis as Watched).__qqSeen?.[name] === 'number',
    kind,
    { timeout: 60_000 }
  )
  const [seen, synced] = await page.evaluate(
    (name) => [
      (globalThis as Watched).__qqSeen?.[name] ?? NaN,
      performance.getEntriesByName('qq:synced')[0]?.startTime ?? NaN
    ],
    kind
  )
  await page.close()
  return { total: seen, render: seen - synced }
}

async function run(
  scenario: Scenario,
  server: string,
  dataDir: string,
  account: string
): Promise<Record<string, Timing[]>> {
  const shell = await startWebShellProcess(['--server', server, '--data', dataDir])
  const browser = await launchBrowser()
  try {
    const login = await browser.context.newPage()
    await login.goto(`${shell.url}#/login`)
    await login.getByTestId('login-uin').fill(String(scenario.uin))
    await login.getByTestId('login-password').fill(scenario.password)
    await login.getByTestId('login-submit').click()
    await pageShowing(browser.context, `buddies-${scenario.uin}`, 180_000)
    const timings: Record<string, Timing[]> = { buddies: [], chat: [] }
    for (let i = 0; i < RUNS; i++) {
      timings.buddies?.push(
        await measure(
          browser.context,
          shell.url + routeToHash({ kind: 'buddies', account }),
          'buddies'
        )
      )
      timings.chat?.push(
        await measure(
          browser.context,
          shell.url + routeToHash({ kind: 'chat', account, uin: scenario.peer }),
          'chat'
        )
      )
    }
    return timings
  } finally {
    await browser.close()
    await shell.stop()
  }
}

const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50
  )
const row = (label: string, timings: Timing[] = []): string =>
  `${label.padEnd(38)} render ${format(median(timings.map((t) => t.render)), 1).padStart(7)} ms   ` +
  `from opening ${format(median(timings.map((t) => t.total)), 1).padStart(7)} ms`

const world = await startUiWorld()
let small: Record<string, Timing[]>
let big: Record<string, Timing[]>
try {
  small = await run(SMALL, world.server.address, world.dataDir(SMALL), world.account(SMALL))
  big = await run(BIG, world.server.address, world.dataDir(BIG), world.account(BIG))
} finally {
  await world.close()
}

console.log(`median of ${RUNS} openings each, Chromium (headless)`)
console.log(row(`buddy list, ${SMALL.friends} friends (baseline)`, small.buddies))
console.log(
  row(`buddy list, ${format(BIG.friends)} friends`, big.buddies) + '   goal: render < 100 ms'
)
console.log(row(`chat, ${SMALL.history} messages (baseline)`, small.chat))
console.log(row(`chat, ${format(BIG.history)} messages`, big.chat) + '   goal: render < 200 ms')
