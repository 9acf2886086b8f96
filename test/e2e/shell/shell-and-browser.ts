import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, type Browser } from './browser.ts'
import { startWebShellProcess, type RunningWebShell } from './web-shell-process.ts'

export interface ShellAndBrowser {
  readonly shell: RunningWebShell
  readonly browser: Browser
}

/** A web shell and a browser for a whole test file: started before its tests, stopped after. */
export function shellAndBrowser(): ShellAndBrowser {
  let shell: RunningWebShell | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    shell = await startWebShellProcess()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await shell?.stop()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the web shell and browser start before the tests')
    return value
  }
  return {
    get shell() {
      return started(shell)
    },
    get browser() {
      return started(browser)
    }
  }
}
