import { describe, expect, it } from 'vitest'
import { AccountIdSchema } from '../../../src/shared/account-id.ts'
import { CALL_SCOPES, checkAccount } from '../../../src/shared/account-calls.ts'
import { CALL_NAMES } from '../../../src/shared/api.ts'
import { CALL_SCHEMAS } from '../../../src/shared/api-schema.ts'
import { isEventFor } from '../../../src/web-shell/tab-account.ts'

const ALICE = '10001@built-in'
const BOB = '10002@built-in'

/** True when the window of `own` is refused the call as acting for another account. */
function refused(own: string | null, name: string, args: unknown[]): boolean {
  const result = checkAccount(own, name, args)
  return result !== undefined && !result.ok && result.error.code === 'FORBIDDEN'
}

describe('a window (an Electron window or a web shell tab) and the account it belongs to', () => {
  it('acts for its own account, and refuses another', () => {
    expect(refused(ALICE, 'sendMessage', [ALICE, 10002, 'hi'])).toBe(false)
    expect(refused(ALICE, 'sendMessage', [BOB, 10001, 'hi'])).toBe(true)
    expect(refused(ALICE, 'logout', [BOB])).toBe(true)
    expect(refused(ALICE, 'updateSettings', [BOB, {}])).toBe(true)
  })

  it('opens only its own account’s windows; the login window opens the list it signed in', () => {
    expect(refused(ALICE, 'openWindow', [{ kind: 'chat', account: ALICE, uin: 10002 }])).toBe(false)
    expect(refused(ALICE, 'openWindow', [{ kind: 'chat', account: BOB, uin: 10001 }])).toBe(true)
    expect(refused(ALICE, 'openWindow', [{ kind: 'login' }])).toBe(false)
    expect(refused(null, 'openWindow', [{ kind: 'buddies', account: BOB }])).toBe(false)
  })

  it('lets any window make the app’s calls and change the app’s settings', () => {
    expect(refused(null, 'login', [{ uin: 10001 }])).toBe(false)
    expect(refused(null, 'getLoginOptions', [])).toBe(false)
    expect(refused(ALICE, 'updateSettings', [null, { theme: 'dark' }])).toBe(false)
    expect(refused(null, 'getSettings', [null])).toBe(false)
  })

  it('refuses the login window any account’s calls', () => {
    expect(refused(null, 'getSnapshot', [ALICE])).toBe(true)
    expect(refused(null, 'sendMessage', [ALICE, 10002, 'hi'])).toBe(true)
  })

  it('leaves what names no account to the call’s own checks', () => {
    expect(checkAccount(ALICE, 'getSnapshot', [])).toBeUndefined()
    expect(checkAccount(ALICE, 'noSuchCall', [BOB])).toBeUndefined()
    expect(checkAccount(ALICE, 'sendMessage', ['10002', 10001, 'hi'])).toBeUndefined()
  })
})

describe('the events a web shell tab hears', () => {
  it('hears its own account’s events and the app’s', () => {
    const closed = { type: 'account-closed' } as const
    expect(isEventFor(ALICE, { account: ALICE, event: closed })).toBe(true)
    expect(isEventFor(ALICE, { account: BOB, event: closed })).toBe(false)
    expect(isEventFor(null, { account: BOB, event: closed })).toBe(false)
    const accounts = { type: 'accounts', accounts: [] } as const
    expect(isEventFor(ALICE, { account: null, event: accounts })).toBe(true)
    expect(isEventFor(null, { account: null, event: accounts })).toBe(true)
  })
})

describe('the scope of every call', () => {
  it('has an account first exactly where the call’s arguments start with one', () => {
    for (const name of CALL_NAMES) {
      const schema = CALL_SCHEMAS[name] as unknown as { items: { wrapped?: unknown }[] }
      const [first] = schema.items
      const scope =
        first === AccountIdSchema
          ? 'account'
          : first?.wrapped === AccountIdSchema
            ? 'account-or-app'
            : 'app'
      expect(scope, name).toBe(CALL_SCOPES[name])
    }
  })
})
