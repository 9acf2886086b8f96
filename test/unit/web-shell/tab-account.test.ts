import { describe, expect, it } from 'vitest'
import { AccountIdSchema } from '../../../src/shared/account-id.ts'
import { CALL_SCOPES } from '../../../src/shared/account-calls.ts'
import { CALL_NAMES } from '../../../src/shared/api.ts'
import { CALL_SCHEMAS } from '../../../src/shared/api-schema.ts'
import { actsForOtherAccount, isEventFor } from '../../../src/web-shell/tab-account.ts'

const ALICE = '10001@built-in'
const BOB = '10002@built-in'

describe('a web shell tab and the account its route names', () => {
  it('acts for its own account, and refuses another', () => {
    expect(actsForOtherAccount(ALICE, 'sendMessage', [ALICE, 10002, 'hi'])).toBe(false)
    expect(actsForOtherAccount(ALICE, 'sendMessage', [BOB, 10001, 'hi'])).toBe(true)
    expect(actsForOtherAccount(ALICE, 'logout', [BOB])).toBe(true)
    expect(actsForOtherAccount(ALICE, 'updateSettings', [BOB, {}])).toBe(true)
  })

  it('lets any tab make the app’s calls and change the app’s settings', () => {
    expect(actsForOtherAccount(null, 'login', [{ uin: 10001 }])).toBe(false)
    expect(actsForOtherAccount(null, 'getLoginOptions', [])).toBe(false)
    expect(actsForOtherAccount(ALICE, 'updateSettings', [null, { theme: 'dark' }])).toBe(false)
    expect(actsForOtherAccount(null, 'getSettings', [null])).toBe(false)
  })

  it('refuses the login tab any account’s calls', () => {
    expect(actsForOtherAccount(null, 'getSnapshot', [ALICE])).toBe(true)
    expect(actsForOtherAccount(null, 'sendMessage', [ALICE, 10002, 'hi'])).toBe(true)
  })

  it('leaves what names no account to the call’s own checks', () => {
    expect(actsForOtherAccount(ALICE, 'getSnapshot', [])).toBe(false)
    expect(actsForOtherAccount(ALICE, 'getSnapshot', ['10001'])).toBe(false)
    expect(actsForOtherAccount(ALICE, 'noSuchCall', [BOB])).toBe(false)
  })

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
