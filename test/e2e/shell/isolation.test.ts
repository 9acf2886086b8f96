import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { CALL_NAMES } from '../../../src/shared/api.ts'
import { launchBrowser, type Browser, type PageGlobals } from './browser.ts'
import { startWebShellProcess, type RunningWebShell } from './web-shell-process.ts'

let shell: RunningWebShell
let browser: Browser
let page: Page
const violations: string[] = []

beforeAll(async () => {
  shell = await startWebShellProcess()
  browser = await launchBrowser()
  page = await browser.context.newPage()
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.goto(`${shell.url}#/login`)
  await page.waitForFunction(() => 'qq' in globalThis)
})
afterAll(async () => {
  await browser?.close()
  await shell?.stop()
})

describe('the renderer page', () => {
  it('cannot reach Node', async () => {
    const reach = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>
      return ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].map((name) => [
        name,
        typeof scope[name]
      ])
    })
    expect(Object.fromEntries(reach)).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      global: 'undefined',
      __dirname: 'undefined'
    })
  })

  it('cannot eval: the CSP blocks it, and Function too', async () => {
    // Run from a timer: code that DevTools evaluates directly is exempt from the page's CSP.
    const outcome = await page.evaluate(
      () =>
        new Promise<Record<string, string>>((resolve) =>
          setTimeout(() => {
            const attempt = (run: () => unknown): string => {
              try {
                run()
                return 'ran'
              } catch (error) {
                return (error as Error).name
              }
            }
            resolve({
              eval: attempt(() => (globalThis as unknown as PageGlobals).eval('1 + 1')),
              function: attempt(() => new Function('return 1')())
            })
          })
        )
    )
    expect(outcome).toEqual({ eval: 'EvalError', function: 'EvalError' })
  })

  it('runs no injected inline script', async () => {
    const ran = await page.evaluate(async () => {
      const { document } = globalThis as unknown as PageGlobals
      const seen = new Promise<string>((resolve) =>
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(event.violatedDirective),
          {
            once: true
          }
        )
      )
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
      return { injected: 'injected' in globalThis, directive: await seen }
    })
    expect(ran).toEqual({ injected: false, directive: 'script-src-elem' })
    expect(violations.length).toBeGreaterThan(0)
  })

  it('has exactly the bridge contract as window.qq, frozen', async () => {
    const bridge = await page.evaluate(() => {
      const { qq } = globalThis as unknown as PageGlobals
      const replaced = Reflect.set(globalThis, 'qq', {})
      return { keys: Object.keys(qq).sort(), frozen: Object.isFrozen(qq), replaced }
    })
    expect(bridge).toEqual({
      keys: [...CALL_NAMES, 'onEvent'].sort(),
      frozen: true,
      replaced: false
    })
  })

  it('talks to the core through the bridge, and refuses links that are not http(s)', async () => {
    const answers = await page.evaluate(async () => {
      const { qq } = globalThis as unknown as PageGlobals
      return {
        settings: await qq.getSettings(null),
        link: await qq.openExternal('javascript:alert(1)')
      }
    })
    expect(answers.settings.ok).toBe(true)
    expect(answers.link).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })
})
