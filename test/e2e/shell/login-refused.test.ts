/**
 * The login window after an automatic login at start was refused, as the desktop app's main
 * process makes one (here through the page's bridge: the web shell keeps no password, so it
 * logs in by itself never): that number on the form, and why, in each language and theme.
 */
import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../../src/shared/i18n/translator.ts'
import { saveScreenshot } from '../gui/screenshots.ts'
import { bridgeLogin } from './browser.ts'
import { setLook, sized } from './look.ts'
import { shellAndBrowser } from './shell-and-browser.ts'

const running = shellAndBrowser()

describe('an automatic login refused at start', () => {
  it('leaves the login window with that number filled in and why', async () => {
    const login = await sized(await running.browser.context.newPage(), 'login')
    await login.goto(`${running.shell.url}#/login`)
    const refused = await bridgeLogin(login, {
      uin: 10001,
      password: 'no longer the password',
      status: 10,
      rememberPassword: true,
      autoLogin: true,
      server: '',
      automatic: true
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } })
    // The login window as it opens after the automatic logins.
    await login.reload()
    for (const theme of ['light', 'dark'] as const) {
      for (const language of ['zh', 'en'] as const) {
        await setLook([login], theme, language)
        const t = createTranslator(language)
        const why = t('login.autoRefused', { uin: 10001, reason: t('error.WRONG_PASSWORD') })
        await expect.poll(() => login.getByTestId('login-error').textContent()).toBe(why)
        expect(await login.getByTestId('login-uin').inputValue()).toBe('10001')
        await saveScreenshot(login, `login-auto-refused-${theme}-${language}`, false)
      }
    }
  })
})
