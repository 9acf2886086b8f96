/**
 * The web shell runs the core in a child process, as the app does: killed (SIGKILL) while a
 * buddy list is open, it is started again, logs in again, and the open tab gets the friend
 * list pushed and its calls answered, without a reload.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AccountEvent } from '../../../src/shared/model.ts'
import { ownerOf, pageShowing, type PageGlobals } from './browser.ts'
import { shellAndBrowser } from './shell-and-browser.ts'

const running = shellAndBrowser()

/** The process ids of the web shell's children: its core host (Linux's /proc). */
const children = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter((text) => text !== '')
    .map(Number)

interface Recording {
  events: AccountEvent[]
}

describe('the web shell’s core host', () => {
  it('comes back after a SIGKILL, and the open buddy list gets its friends again', async () => {
    const login = await running.browser.context.newPage()
    await login.goto(`${running.shell.url}#/login`)
    const [demo] = await login.evaluate(async () => {
      const options = await (globalThis as unknown as PageGlobals).qq.getLoginOptions()
      return options.ok ? options.value.demoAccounts : []
    })
    if (demo === undefined) throw new Error('no demo account')
    await login.getByTestId(`login-demo-${demo.uin}`).click()
    const buddies = await pageShowing(running.browser.context, 'buddy-list')
    await expect
      .poll(() => buddies.getByTestId(/^buddy-\d+$/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    const shown = await buddies.getByTestId(/^buddy-\d+$/).count()
    await buddies.evaluate(() => {
      const page = globalThis as unknown as PageGlobals & Recording
      page.events = []
      page.qq.onEvent((event) => page.events.push(event))
    })

    const [host] = children(running.shell.pid)
    if (host === undefined) throw new Error('the web shell has no core host')
    process.kill(host, 'SIGKILL')

    await expect
      .poll(() => children(running.shell.pid).some((pid) => pid !== host), { timeout: 30_000 })
      .toBe(true)
    const friendsPushed = () =>
      buddies.evaluate(() =>
        (globalThis as unknown as Recording).events.some(({ event }) => event.type === 'friends')
      )
    await expect.poll(friendsPushed, { timeout: 30_000 }).toBe(true)
    expect(await buddies.getByTestId(/^buddy-\d+$/).count()).toBe(shown)
    const snapshot = await buddies.evaluate(
      (account) => (globalThis as unknown as PageGlobals).qq.getSnapshot(account),
      ownerOf(buddies)
    )
    expect(snapshot).toMatchObject({ ok: true, value: { session: { phase: 'online' } } })
  })
})
