/**
 * Two (or more) people, each with the real web shell (the core in Node) and their own
 * Chromium, against one server started here on port 0. Every page is watched for what
 * hostile text must never cause: dialogs, navigations, script errors and CSP violations.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { serverKey } from '../../../src/core/index.ts'
import { accountId, type AccountId } from '../../../src/shared/account-id.ts'
import { startServer, type RunningServer, type SeedFile } from '../../../src/server/index.ts'
import type { WindowKind } from '../../../src/shared/routes.ts'
import { WINDOW_SHAPES } from '../../../src/shared/window-shapes.ts'
import { launchBrowser, pageShowing, type Browser } from '../shell/browser.ts'
import { startWebShellProcess, type RunningWebShell } from '../shell/web-shell-process.ts'
import { linesLog } from '../../fixtures/request-lines.ts'

export interface Incidents {
  readonly dialogs: string[]
  readonly navigations: string[]
  readonly pageErrors: string[]
  readonly cspViolations: string[]
}

export interface Person {
  readonly uin: number
  /** The person's account on the world's server, as every window of theirs names it. */
  readonly account: AccountId
  readonly shell: RunningWebShell
  readonly browser: Browser
  readonly context: BrowserContext
  /** The first tab showing `testId` (a window is a tab in the web shell). */
  pageShowing(testId: string): Promise<Page>
  /** Opens the login window and logs in through it; resolves to the buddy list's tab. */
  logIn(password: string): Promise<Page>
}

export interface GuiWorld {
  readonly server: RunningServer
  readonly incidents: Incidents
  /** The server's request log, a line per request (`… UIN CMD RES=n …`). */
  readonly serverLog: readonly string[]
  person(uin: number): Promise<Person>
  close(): Promise<void>
}

/** The window sizes of the desktop app (one table for both), for tabs standing in for its windows. */
export const WINDOW_SIZES = Object.fromEntries(
  Object.entries(WINDOW_SHAPES).map(([kind, { width, height }]) => [kind, { width, height }])
) as Readonly<Record<WindowKind, { readonly width: number; readonly height: number }>>

export interface GuiWorldOptions {
  /**
   * Scales the server's penalties and rate-limit windows: 0.05 by default, so a status
   * change can follow another quickly; 1 for the real limits a client must keep within.
   */
  readonly penaltyScale?: number
}

function watch(page: Page, incidents: Incidents): void {
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => incidents.pageErrors.push(error.message))
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      incidents.cspViolations.push(message.text())
  })
  // Opening a window is a new tab; the app never moves a tab to another address (only
  // its hash, which names the window, is set when the tab opens).
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return
    const url = new URL(frame.url())
    if (url.origin === 'null' || url.href === 'about:blank') return
    if (url.pathname !== '/' || !url.searchParams.has('token'))
      incidents.navigations.push(frame.url())
  })
}

export async function startGuiWorld(
  seed: SeedFile,
  { penaltyScale = 0.05 }: GuiWorldOptions = {}
): Promise<GuiWorld> {
  const serverLog: string[] = []
  const server = await startServer({
    port: 0,
    seed,
    penaltyScale,
    log: linesLog(serverLog)
  })
  const incidents: Incidents = { dialogs: [], navigations: [], pageErrors: [], cspViolations: [] }
  const people: Person[] = []

  async function person(uin: number): Promise<Person> {
    const shell = await startWebShellProcess(['--server', server.address])
    const browser = await launchBrowser()
    const context = browser.context
    for (const page of context.pages()) watch(page, incidents)
    context.on('page', (page) => watch(page, incidents))
    const created: Person = {
      uin,
      account: accountId(serverKey(server.address), uin),
      shell,
      browser,
      context,
      pageShowing: (testId) => pageShowing(context, testId),
      async logIn(password) {
        const page = await context.newPage()
        await page.setViewportSize(WINDOW_SIZES.login)
        await page.goto(`${shell.url}#/login`)
        await page.getByTestId('login-uin').fill(String(uin))
        await page.getByTestId('login-password').fill(password)
        await page.getByTestId('login-submit').click()
        const buddies = await pageShowing(context, `buddies-${uin}`)
        await buddies.setViewportSize(WINDOW_SIZES.buddies)
        return buddies
      }
    }
    people.push(created)
    return created
  }

  return {
    server,
    incidents,
    serverLog,
    person,
    async close() {
      for (const { browser, shell } of people) {
        await browser.close()
        await shell.stop()
      }
      await server.close()
    }
  }
}
