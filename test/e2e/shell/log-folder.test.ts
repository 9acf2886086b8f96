/**
 * The settings window shows where the logs are; in the web shell it shows the path only (a
 * page cannot open a folder on the machine), and the core host writes its log there.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { routeToHash } from '../../../src/shared/routes.ts'
import { bridgeLogin } from './browser.ts'
import { shellAndBrowser } from './shell-and-browser.ts'

const running = shellAndBrowser()

describe('the log folder in the settings window', () => {
  it('shows the profile’s logs folder, with no button to open it in a browser', async () => {
    const logs = join(running.shell.data, 'logs')
    const page = await running.browser.context.newPage()
    await page.goto(`${running.shell.url}#/login`)
    // The settings window is a signed-in account's: a demo account, through the bridge.
    const signedIn = await bridgeLogin(page, {
      uin: 10001,
      password: '',
      status: 10,
      rememberPassword: false,
      autoLogin: false,
      server: ''
    })
    if (!signedIn.ok) throw new Error(signedIn.error.message)
    await page.goto(
      `${running.shell.url}${routeToHash({ kind: 'settings', account: signedIn.value.account })}`
    )
    await page.reload()
    await expect.poll(() => page.getByTestId('settings-log-folder').textContent()).toBe(logs)
    expect(await page.getByTestId('settings-open-log-folder').count()).toBe(0)
    await expect.poll(() => existsSync(join(logs, 'core.log'))).toBe(true)
  })
})
