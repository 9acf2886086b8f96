import { describe, expect, it } from 'vitest'
import { accountId, BUILT_IN_SERVER, parseAccountId } from '../../../src/shared/account-id.ts'
import {
  hashToRoute,
  routeAccount,
  routeToHash,
  windowKey,
  type WindowRoute
} from '../../../src/shared/routes.ts'

const local = accountId(BUILT_IN_SERVER, 10001)
const remote = accountId('[::1]:8000', 10001)

describe('window routes', () => {
  const routes: WindowRoute[] = [
    { kind: 'login' },
    { kind: 'buddies', account: local },
    { kind: 'chat', account: local, uin: 10002 },
    { kind: 'profile', account: remote, uin: 4294967295 },
    { kind: 'system', account: remote },
    { kind: 'history', account: local, uin: null },
    { kind: 'history', account: local, uin: 10002 },
    { kind: 'settings', account: accountId('qq.example:8000', 4294967295) }
  ]

  for (const route of routes) {
    it(`goes to the hash and back: ${routeToHash(route)}`, () => {
      expect(hashToRoute(routeToHash(route))).toEqual(route)
      expect(routeAccount(hashToRoute(routeToHash(route)))).toBe(routeAccount(route))
    })
  }

  it('gives each account its own window of a kind', () => {
    const mine = windowKey({ kind: 'chat', account: local, uin: 10002 })
    const theirs = windowKey({ kind: 'chat', account: remote, uin: 10002 })
    expect(mine).not.toBe(theirs)
  })

  it('opens the login window for anything it does not know', () => {
    for (const hash of [
      '',
      '#',
      '#/nowhere',
      '#/buddies',
      '#/chat/10002',
      `#/${encodeURIComponent(local)}/chat`,
      `#/${encodeURIComponent(local)}/chat/abc`,
      `#/${encodeURIComponent(local)}/profile/1e5`,
      `#/${encodeURIComponent(local)}/chat/12345678901`,
      `#/${encodeURIComponent(local)}/nowhere`,
      '#/0@built-in/buddies',
      '#/10001@a%2Fb/buddies',
      '#/%E0%A4%A/buddies'
    ]) {
      expect(hashToRoute(hash)).toEqual({ kind: 'login' })
    }
  })
})

describe('account ids', () => {
  it('reads back what it makes', () => {
    expect(parseAccountId(local)).toEqual({ uin: 10001, serverKey: BUILT_IN_SERVER })
    expect(parseAccountId(remote)).toEqual({ uin: 10001, serverKey: '[::1]:8000' })
  })

  it('refuses anything else', () => {
    for (const id of ['', '10001', '@built-in', '10001@', 'abc@x', '10001@a b', '4294967296@x']) {
      expect(parseAccountId(id)).toBeUndefined()
    }
  })
})
