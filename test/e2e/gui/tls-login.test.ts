/**
 * D-27 from the login window, in Chromium through the real web shell: a first login to a
 * self-signed TLS server asks about exactly the server's fingerprint, trusting it logs in
 * with the lock shown, and the next login needs no question. A plain server elsewhere gets
 * the warning as it is typed.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../../src/server/index.ts'
import { makeCertificate } from '../../../src/server/tls/certificate.ts'
import { launchBrowser, type Browser, type PageGlobals } from '../shell/browser.ts'
import { startWebShellProcess, type RunningWebShell } from '../shell/web-shell-process.ts'
import { axeViolations } from './axe-scan.ts'
import { WINDOW_SIZES } from './gui-world.ts'
import { saveScreenshot } from './screenshots.ts'

const ALICE = { uin: 30101, password: 'alice-tls', nick: 'Alice 爱丽丝', face: 3 }
const POLL = { timeout: 30_000 }

interface RootGlobals {
  document: { documentElement: { dataset: { theme?: string }; lang: string } }
}
type Look = { readonly theme: 'light' | 'dark'; readonly language: 'zh' | 'en' }
const LOOKS: readonly Look[] = [
  { theme: 'light', language: 'zh' },
  { theme: 'dark', language: 'zh' },
  { theme: 'light', language: 'en' },
  { theme: 'dark', language: 'en' }
]

let server: RunningServer
let shell: RunningWebShell
let browser: Browser
let page: Page

/** The theme and language of every window, through the settings, once the page shows them. */
async function setLook({ theme, language }: Look): Promise<void> {
  const changed = await page.evaluate(
    (patch) => (globalThis as unknown as PageGlobals).qq.updateSettings(null, patch),
    { theme, language }
  )
  if (!changed.ok) throw new Error(changed.error.message)
  await page.waitForFunction(
    ([wantedTheme, wantedLang]) => {
      const root = (globalThis as unknown as RootGlobals).document.documentElement
      return root.dataset.theme === wantedTheme && root.lang === wantedLang
    },
    [theme, language === 'zh' ? 'zh-CN' : 'en'] as const
  )
}

/** The data-testid of the element with the focus. */
const focused = (): Promise<string | undefined> =>
  page.evaluate(
    () =>
      (
        globalThis as unknown as {
          document: { activeElement: { dataset: { testid?: string } } | null }
        }
      ).document.activeElement?.dataset.testid
  )

/** Axe's findings on the page in every look, a picture of each saved as `name-theme-language`. */
async function scanInEveryLook(name: string): Promise<string[]> {
  const found: string[] = []
  for (const look of LOOKS) {
    await setLook(look)
    for (const violation of await axeViolations(page))
      found.push(`${look.theme} ${look.language}: ${violation}`)
    await saveScreenshot(page, `${name}-${look.theme}-${look.language}`, false)
  }
  return found
}

async function fillLogin(): Promise<void> {
  await page.getByTestId('login-server').fill(`https://${server.address}`)
  await page.getByTestId('login-uin').fill(String(ALICE.uin))
  await page.getByTestId('login-password').fill(ALICE.password)
  await page.getByTestId('login-submit').click()
}

beforeAll(async () => {
  server = await startServer({
    port: 0,
    seed: { accounts: [ALICE] },
    tls: await makeCertificate(['127.0.0.1'])
  })
  shell = await startWebShellProcess()
  // Twice the pixels: the pictures of these small windows stay sharp.
  browser = await launchBrowser({ deviceScaleFactor: 2 })
  page = await browser.context.newPage()
  await page.setViewportSize(WINDOW_SIZES.login)
  await page.goto(`${shell.url}#/login`)
  await page.getByTestId('login-uin').waitFor()
})
afterAll(async () => {
  await browser?.close()
  await shell?.stop()
  await server?.close()
})

describe('logging in to a TLS server from the login window (D-27)', () => {
  it('warns as a plain server elsewhere is typed, and shows the lock for https', async () => {
    const field = page.getByTestId('login-server')
    await field.fill('192.0.2.7:8000')
    await page.getByTestId('connection-plain').waitFor()
    expect(await page.getByTestId('connection-secure').count()).toBe(0)
    expect(await scanInEveryLook('login-plain')).toEqual([])
    // On this computer, a plain password never crosses a network: no mark.
    await field.fill('127.0.0.1:8000')
    await expect.poll(() => page.getByTestId(/^connection-/).count()).toBe(0)
    await field.fill(`https://${server.address}`)
    await page.getByTestId('connection-secure').waitFor()
    expect(await page.getByTestId('connection-plain').count()).toBe(0)
    expect(await scanInEveryLook('login-secure')).toEqual([])
  })

  it('asks about exactly the server’s fingerprint, readable in both themes', async () => {
    await fillLogin()
    const dialog = page.getByTestId('certificate-dialog')
    await dialog.waitFor(POLL)
    expect(server.fingerprint).toMatch(/^[0-9A-F]{2}(?::[0-9A-F]{2}){31}$/)
    expect(await page.getByTestId('certificate-fingerprint').textContent()).toBe(server.fingerprint)
    expect(await page.getByRole('dialog').textContent()).toContain(`https://${server.address}`)
    // Trusting is a choice the user makes: the focus starts on Cancel.
    expect(await focused()).toBe('certificate-cancel')
    expect(await scanInEveryLook('certificate')).toEqual([])
  })

  it('logs in once trusted, with the lock in the buddy list', async () => {
    await page.getByTestId('certificate-trust').click()
    await page.getByTestId(`buddies-${ALICE.uin}`).waitFor(POLL)
    await page.setViewportSize(WINDOW_SIZES.buddies)
    const lock = page.getByTestId('connection-secure')
    await lock.waitFor()
    expect(await page.getByTestId('connection-plain').count()).toBe(0)
    for (const look of LOOKS) {
      await setLook(look)
      expect(await lock.getAttribute('aria-label')).toBe(
        look.language === 'zh' ? '连接已加密' : 'Connection encrypted'
      )
      await saveScreenshot(page, `buddies-secure-${look.theme}-${look.language}`, false)
    }
  })

  it('needs no question the next time', async () => {
    await page.getByTestId('menu-main').click()
    await page.getByTestId('menu-logout').click()
    await page.getByTestId('login-uin').waitFor(POLL)
    await page.setViewportSize(WINDOW_SIZES.login)
    await fillLogin()
    // Without the kept fingerprint this login would stop at the question instead.
    await page.getByTestId(`buddies-${ALICE.uin}`).waitFor(POLL)
    await page.getByTestId('connection-secure').waitFor()
  })

  it('warns when the server shows another certificate, and logs in only if told to', async () => {
    await page.getByTestId('menu-main').click()
    await page.getByTestId('menu-logout').click()
    await page.getByTestId('login-uin').waitFor(POLL)
    await page.setViewportSize(WINDOW_SIZES.login)
    // The same address, another certificate: an impostor, or the admin made a new one.
    const { port } = server
    const before = server.fingerprint
    await server.close()
    server = await startServer({
      port,
      seed: { accounts: [ALICE] },
      tls: await makeCertificate(['127.0.0.1'])
    })
    expect(server.fingerprint).not.toBe(before)
    await fillLogin()
    const dialog = page.getByTestId('certificate-dialog')
    await dialog.waitFor(POLL)
    expect(await dialog.getAttribute('data-changed')).toBe('true')
    expect(await page.getByTestId('certificate-fingerprint').textContent()).toBe(server.fingerprint)
    expect(await focused()).toBe('certificate-cancel')
    expect(await scanInEveryLook('certificate-changed')).toEqual([])
    await page.getByTestId('certificate-cancel').click()
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await page.getByTestId('login-error').textContent()).toContain(
      'not the one you accepted'
    )
    await page.getByTestId('login-submit').click()
    await dialog.waitFor(POLL)
    await page.getByTestId('certificate-trust').click()
    await page.getByTestId(`buddies-${ALICE.uin}`).waitFor(POLL)
    await page.getByTestId('connection-secure').waitFor()
  })
})
