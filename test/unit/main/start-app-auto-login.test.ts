/**
 * The desktop app at start signs in every account marked to log in by itself. One that is
 * refused (its password changed since) opens the login window beside the buddy lists of
 * the others, and the window has its number and why.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../../../src/main/start-app.ts'
import { hashPassword } from '../../../src/server/storage/passwords.ts'
import { openSqliteStore } from '../../../src/server/storage/sqlite/sqlite-store.ts'
import type { LoginOptions, SignedIn } from '../../../src/shared/model.ts'
import { resetElectronMock, type BrowserWindow } from '../../mocks/electron.ts'
import { appPaths, buddiesOf, call, windowAt } from './whole-app.ts'

const profile = mkdtempSync(join(tmpdir(), 'http-qq-app-'))
let running: RunningApp | undefined

afterAll(async () => {
  await running?.stop()
  rmSync(profile, { recursive: true, force: true })
})

async function start(): Promise<void> {
  resetElectronMock()
  running = await startApp(appPaths(profile), undefined)
}

async function stop(): Promise<void> {
  await running?.stop()
  running = undefined
}

const loginWindow = async (): Promise<BrowserWindow> => {
  await expect.poll(() => windowAt('#/login') !== undefined).toBe(true)
  return windowAt('#/login') as BrowserWindow
}

async function loginOptions(window: BrowserWindow): Promise<LoginOptions> {
  const options = await call<LoginOptions>(window, 'getLoginOptions')
  if (!options.ok) throw new Error(options.error.message)
  return options.value
}

describe('logging in by itself at start', () => {
  it('signs in the accounts marked for it; one refused opens the login window, which says why', async () => {
    // First start: two demo people log in, keeping their passwords, to log in by themselves.
    await start()
    const login = await loginWindow()
    const [first, second] = (await loginOptions(login)).demoAccounts
    if (first === undefined || second === undefined) throw new Error('no demo people')
    const signedIn: SignedIn[] = []
    for (const { uin } of [first, second]) {
      // The login window gives way to the first buddy list, which adds the second account.
      const from = signedIn[0] === undefined ? login : (buddiesOf(signedIn[0]) as BrowserWindow)
      const result = await call<SignedIn>(from, 'login', {
        uin,
        password: '',
        status: 10,
        rememberPassword: true,
        autoLogin: true,
        server: ''
      })
      if (!result.ok) throw new Error(result.error.message)
      signedIn.push(result.value)
    }
    await stop()

    // Meanwhile the first one's password is changed on the built-in server, by its admin.
    const store = openSqliteStore(join(profile, 'server'))
    await store.accounts.setPasswordHash(first.uin, await hashPassword('changed since'))
    await store.close()

    // Second start: the second comes in by itself, and the login window opens beside it.
    await start()
    await expect.poll(() => buddiesOf(signedIn[1] as SignedIn) !== undefined).toBe(true)
    expect(buddiesOf(signedIn[0] as SignedIn)).toBeUndefined()
    const options = await loginOptions(await loginWindow())
    expect(options.lost).toMatchObject({
      uin: first.uin,
      reason: 'WRONG_PASSWORD',
      automatic: true
    })
    expect(options.signedIn.map((account) => account.me.uin)).toEqual([second.uin])
  })
})
