import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginOptions } from '../../../src/shared/model.ts'
import { WINDOW_SIZES } from '../gui/gui-world.ts'
import { axeViolations } from '../gui/axe-scan.ts'
import { saveScreenshot } from '../gui/screenshots.ts'
import { launchBrowser, pageShowing, type Browser, type PageGlobals } from './browser.ts'
import { startWebShellProcess, type RunningWebShell } from './web-shell-process.ts'

let shell: RunningWebShell
let browser: Browser

beforeAll(async () => {
  shell = await startWebShellProcess()
  // Twice the pixels: the README's picture of this small window stays sharp.
  browser = await launchBrowser({ deviceScaleFactor: 2 })
})
afterAll(async () => {
  await browser?.close()
  await shell?.stop()
})

describe('a first run in the browser', () => {
  it('logs in with one click as a demo account and shows the buddy list', async () => {
    const page = await browser.context.newPage()
    await page.setViewportSize(WINDOW_SIZES.login)
    await page.goto(`${shell.url}#/login`)
    const result = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).qq.getLoginOptions()
    )
    if (!result.ok) throw new Error(result.error.message)
    const options: LoginOptions = result.value
    expect(options.embedded).toBe(true)
    const [demo] = options.demoAccounts
    if (demo === undefined) throw new Error('the embedded server offers no demo account')
    const button = page.getByTestId(`login-demo-${demo.uin}`)
    await button.waitFor()
    // The web shell keeps no password: it does not offer to, and says why.
    expect(options.keepsPasswords).toBe(false)
    for (const choice of ['login-remember', 'login-auto']) {
      const box = page.getByTestId(choice)
      expect(await box.isDisabled()).toBe(true)
      expect(await box.locator('..').getAttribute('title')).toMatch(/keychain|钥匙串/)
    }
    await saveScreenshot(page, 'login')
    // The demo buttons are the one part of the login window the other scans never show.
    expect(await axeViolations(page)).toEqual([])
    // They log in on the built-in server only: another server typed, and they are gone.
    const server = page.getByTestId('login-server')
    await server.fill('127.0.0.1:1')
    await expect.poll(() => page.getByTestId(/^login-demo-/).count()).toBe(0)
    await server.fill(options.server)
    await button.waitFor()
    await server.fill('')
    await button.click()
    const buddies = await pageShowing(browser.context, 'buddy-list')
    await expect
      .poll(() => buddies.getByTestId(/^buddy-\d+$/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
  })
})
