import { beforeEach, describe, expect, it } from 'vitest'
import { routeToHash } from '../../../src/shared/routes.ts'
import { createAppOrigin } from '../../../src/main/security/app-origin.ts'
import {
  followAccounts,
  openAccount,
  showMainWindow
} from '../../../src/main/windows/session-windows.ts'
import { createStateMirror } from '../../../src/main/state-mirror.ts'
import { createWindowManager } from '../../../src/main/windows/window-manager.ts'
import { resetElectronMock } from '../../mocks/electron.ts'
import { account, SETTINGS, signedIn } from './fixtures.ts'

const ALICE = signedIn(10001, 'Alice')
const BOB = signedIn(10002, 'Bob')

function setup() {
  const windows = createWindowManager({
    origin: createAppOrigin(),
    preload: '/p.cjs',
    icon: '/i.png',
    bounds: { load: () => undefined, save: () => undefined, onScreen: () => true },
    hideOnClose: (route) => route.kind === 'buddies',
    onClosed: () => undefined,
    title: () => 'QQ'
  })
  const mirror = createStateMirror(SETTINGS)
  mirror.onChange((state, before) => followAccounts(windows, state, before))
  /** What the core does on a login: lists the account; the login call then resolves. */
  const logIn = (...who: (typeof ALICE)[]): void => {
    mirror.apply({ account: null, event: { type: 'accounts', accounts: who } })
    openAccount(windows, (who.at(-1) as typeof ALICE).account)
  }
  const close = (uin: number): void =>
    mirror.apply({ account: account(uin), event: { type: 'account-closed' } })
  const open = (): string[] => windows.routes().map(routeToHash)
  return { windows, mirror, logIn, close, open }
}

beforeEach(() => resetElectronMock())

describe('windows that follow the accounts', () => {
  it('swap the login window for the account’s buddy list once it signs in', () => {
    const { windows, logIn, open } = setup()
    windows.open({ kind: 'login' })
    logIn(ALICE)
    expect(open()).toEqual(['#/10001%40built-in/buddies'])
  })

  it('open a second account’s buddy list from the login window, keeping the first’s windows', () => {
    const { windows, logIn, open } = setup()
    logIn(ALICE)
    windows.open({ kind: 'chat', account: ALICE.account, uin: 20001 })
    windows.open({ kind: 'login' })
    logIn(ALICE, BOB)
    expect(open()).toEqual([
      '#/10001%40built-in/buddies',
      '#/10001%40built-in/chat/20001',
      '#/10002%40built-in/buddies'
    ])
  })

  it('close all of a closed account’s windows, and only its', () => {
    const { windows, logIn, close, open } = setup()
    logIn(ALICE)
    logIn(ALICE, BOB)
    windows.open({ kind: 'chat', account: ALICE.account, uin: 20001 })
    windows.open({ kind: 'chat', account: BOB.account, uin: 20001 })
    windows.open({ kind: 'settings', account: BOB.account })
    close(10002)
    expect(open()).toEqual(['#/10001%40built-in/buddies', '#/10001%40built-in/chat/20001'])
  })

  it('close an account the core no longer lists, and bring the login window back after the last', () => {
    const { windows, mirror, logIn, close, open } = setup()
    logIn(ALICE)
    logIn(ALICE, BOB)
    windows.open({ kind: 'system', account: ALICE.account })
    mirror.apply({ account: null, event: { type: 'accounts', accounts: [BOB] } })
    expect(open()).toEqual(['#/10002%40built-in/buddies'])
    close(10002)
    expect(open()).toEqual(['#/login'])
  })

  it('bring back every account’s buddy list, or the login window when none is in', () => {
    const { windows, mirror, logIn, open } = setup()
    showMainWindow(windows, mirror.current())
    expect(open()).toEqual(['#/login'])
    logIn(ALICE)
    logIn(ALICE, BOB)
    for (const who of [ALICE, BOB]) windows.find({ kind: 'buddies', account: who.account })?.hide()
    showMainWindow(windows, mirror.current())
    for (const who of [ALICE, BOB]) {
      expect(windows.find({ kind: 'buddies', account: who.account })?.isVisible()).toBe(true)
    }
    expect(open()).toHaveLength(2)
  })
})
