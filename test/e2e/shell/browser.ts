/** Debian's Chromium driven by playwright-core: headless, a fresh profile, nothing downloaded. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { AccountId } from '../../../src/shared/account-id.ts'
import type { QQApi } from '../../../src/shared/api.ts'
import type { Result } from '../../../src/shared/errors.ts'
import type { LoginRequest, SignedIn } from '../../../src/shared/model.ts'
import { hashToRoute, routeAccount } from '../../../src/shared/routes.ts'

export interface Browser {
  readonly context: BrowserContext
  close(): Promise<void>
}

export interface BrowserOptions {
  /** Device pixels per CSS pixel: 2 for sharp pictures of small windows. */
  readonly deviceScaleFactor?: number
}

export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'http-qq-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}

/** The first page of the context (any tab but `not`) where `testId` shows up. */
export async function pageShowing(
  context: BrowserContext,
  testId: string,
  timeout = 30_000,
  not?: Page
): Promise<Page> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    for (const page of context.pages()) {
      if (page === not || page.isClosed()) continue
      if (
        await page
          .getByTestId(testId)
          .first()
          .isVisible()
          .catch(() => false)
      )
        return page
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(
    `no page shows ${testId}: ${context
      .pages()
      .map((page) => page.url())
      .join(', ')}`
  )
}

/** The account a tab's window belongs to, from its address; null for the login window. */
export function pageAccount(page: Page): AccountId | null {
  return routeAccount(hashToRoute(new URL(page.url()).hash))
}

/** The same, for a tab that must be a window of an account. */
export function ownerOf(page: Page): AccountId {
  const account = pageAccount(page)
  if (account === null) throw new Error(`not a window of an account: ${page.url()}`)
  return account
}

interface PageElement {
  textContent: string | null
}

/**
 * The page's globals, as far as these tests touch them inside `page.evaluate` (the tests are
 * type-checked with Node's types, without the DOM's): `globalThis as unknown as PageGlobals`.
 */
export interface PageGlobals {
  qq: QQApi
  injected?: boolean
  eval(code: string): unknown
  document: {
    createElement(tag: 'script'): PageElement
    body: { append(node: PageElement): void }
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { violatedDirective: string }) => void,
      options: { once: boolean }
    ): void
  }
}

/** A login made through the page's bridge, as a window's own code (or the app's main) makes it. */
export function bridgeLogin(page: Page, request: LoginRequest): Promise<Result<SignedIn>> {
  return page.evaluate(
    (request) => (globalThis as unknown as PageGlobals).qq.login(request),
    request
  )
}
