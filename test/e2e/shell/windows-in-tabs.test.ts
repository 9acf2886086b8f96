/**
 * A tab stands in for a window in the web shell: the window keeps the size the desktop app
 * gives it, centred in a tab of any size; logging in turns the login tab into the buddy list;
 * the tab shows the app's icon.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { accountId, BUILT_IN_SERVER } from '../../../src/shared/account-id.ts'
import { routeToHash } from '../../../src/shared/routes.ts'
import { WINDOW_SHAPES } from '../../../src/shared/window-shapes.ts'
import { ROOT } from './web-shell-process.ts'
import { shellAndBrowser } from './shell-and-browser.ts'

/** What these tests touch of the page's globals (they are type-checked without the DOM's). */
interface PageDocument {
  document: { documentElement: { removeAttribute(name: string): void } }
}
interface PageHistory {
  history: { length: number }
}

/** A tab much larger than any window: a browser's usual size. */
const TAB = { width: 1280, height: 800 }
const DEMO = 10001
const ACCOUNT = accountId(BUILT_IN_SERVER, DEMO)

const running = shellAndBrowser()
let loginTab: Page
const cspViolations: string[] = []

async function openTab(hash: string): Promise<Page> {
  const page = await running.browser.context.newPage()
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
  })
  await page.setViewportSize(TAB)
  await page.goto(`${running.shell.url}${hash}`)
  return page
}

/** The bounding box of the window's root (the element the window's screen is drawn in). */
async function windowBox(page: Page): Promise<{ x: number; y: number; w: number; h: number }> {
  const box = await page.locator('#app > main').boundingBox()
  if (box === null) throw new Error(`no window root on ${page.url()}`)
  return { x: box.x, y: box.y, w: box.width, h: box.height }
}

function expectFramed(box: { x: number; y: number; w: number; h: number }, kind: string): void {
  const { width, height } = WINDOW_SHAPES[kind as keyof typeof WINDOW_SHAPES]
  expect({ w: box.w, h: box.h }, kind).toEqual({ w: width, h: height })
  expect(box.x, `${kind}: centred across`).toBe((TAB.width - width) / 2)
  expect(box.y, `${kind}: centred down`).toBe((TAB.height - height) / 2)
}

describe('windows in browser tabs', () => {
  it('shows the login window at its own size, centred in a large tab', async () => {
    loginTab = await openTab('#/login')
    await loginTab.getByTestId(`login-demo-${DEMO}`).waitFor()
    expectFramed(await windowBox(loginTab), 'login')
  })

  it('turns the login tab into the buddy list after logging in, the form gone', async () => {
    await loginTab.getByTestId('login-uin').fill(String(DEMO))
    const tabs = running.browser.context.pages().length
    const historyLength = (): Promise<number> =>
      loginTab.evaluate(() => (globalThis as unknown as PageHistory).history.length)
    const entries = await historyLength()
    await loginTab.getByTestId(`login-demo-${DEMO}`).click()
    await loginTab.getByTestId(`buddies-${DEMO}`).waitFor({ timeout: 30_000 })
    expect(new URL(loginTab.url()).hash).toBe(routeToHash({ kind: 'buddies', account: ACCOUNT }))
    expect(new URL(loginTab.url()).hash).toBe('#/10001%40built-in/buddies')
    expect(await loginTab.getByTestId('login-uin').count()).toBe(0)
    expect(running.browser.context.pages()).toHaveLength(tabs)
    expectFramed(await windowBox(loginTab), 'buddies')
    // The login window is replaced, not left behind: Back does not lead to the filled form.
    expect(await historyLength()).toBe(entries)
  })

  it('keeps each window’s own size: chat, profile card, system messages', async () => {
    for (const [route, testId] of [
      [{ kind: 'chat', account: ACCOUNT, uin: 10086 }, 'chat-10086'],
      [{ kind: 'profile', account: ACCOUNT, uin: 10002 }, 'profile-10002'],
      [{ kind: 'system', account: ACCOUNT }, null]
    ] as const) {
      const { kind } = route
      const page = await openTab(routeToHash(route))
      await page.locator('#app > main').waitFor()
      if (testId !== null) await page.getByTestId(testId).waitFor()
      expectFramed(await windowBox(page), kind)
      await page.close()
    }
  })

  it('frames only in the web shell: a page without its mark fills its window', async () => {
    const page = await openTab('#/login')
    await page.getByTestId('login-uin').waitFor()
    await page.evaluate(() => {
      const { document } = globalThis as unknown as PageDocument
      document.documentElement.removeAttribute('data-shell')
    })
    expect(await windowBox(page)).toEqual({ x: 0, y: 0, w: TAB.width, h: TAB.height })
    await page.close()
  })

  it('serves the app icon as the favicon, as a PNG with the security headers', async () => {
    const icon = readFileSync(join(ROOT, 'resources/icons/app.png'))
    const page = await openTab('#/login')
    const href = await page.locator('link[rel="icon"]').getAttribute('href')
    await page.close()
    for (const path of [href ?? 'no link', '/favicon.ico']) {
      const response = await fetch(`${running.shell.origin}${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type'), path).toBe('image/png')
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(Buffer.from(await response.arrayBuffer()).equals(icon), path).toBe(true)
    }
  })

  it('broke no rule of the page’s CSP', () => {
    expect(cspViolations).toEqual([])
  })
})
