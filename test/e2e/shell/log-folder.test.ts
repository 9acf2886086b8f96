/**
 * The settings window shows where the logs are; in the web shell it shows the path only (a
 * page cannot open a folder on the machine), and the core host writes its log there.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type Browser } from './browser.ts'
import { startWebShellProcess, type RunningWebShell } from './web-shell-process.ts'

let shell: RunningWebShell
let browser: Browser

beforeAll(async () => {
  shell = await startWebShellProcess()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await shell?.stop()
})

describe('the log folder in the settings window', () => {
  it('shows the profile’s logs folder, with no button to open it in a browser', async () => {
    const logs = join(shell.data, 'logs')
    const page = await browser.context.newPage()
    await page.goto(`${shell.url}#/settings`)
    await expect.poll(() => page.getByTestId('settings-log-folder').textContent()).toBe(logs)
    expect(await page.getByTestId('settings-open-log-folder').count()).toBe(0)
    await expect.poll(() => existsSync(join(logs, 'core.log'))).toBe(true)
  })
})
