import { describe, expect, it } from 'vitest'
import {
  hashToRoute,
  routeAccount,
  routeToHash,
  windowKey,
  type WindowRoute
} from '../../../src/shared/routes.ts'

const ALICE = '10001@built-in'
const ON_A_SERVER = '10001@qq.example.com:8000'

describe('window routes', () => {
  const routes: WindowRoute[] = [
    { kind: 'login' },
    { kind: 'buddies', account: ALICE },
    { kind: 'buddies', account: ON_A_SERVER },
    { kind: 'chat', account: ALICE, uin: 10002 },
    { kind: 'profile', account: ON_A_SERVER, uin: 4294967295 },
    { kind: 'system', account: ALICE },
    { kind: 'history', account: ALICE, uin: null },
    { kind: 'history', account: ALICE, uin: 10002 },
    { kind: 'settings', account: ON_A_SERVER }
  ]

  for (const route of routes) {
    it(`goes to the hash and back: ${routeToHash(route)}`, () => {
      expect(hashToRoute(routeToHash(route))).toEqual(route)
    })
  }

  it('names the account in the hash, encoded, and gives it back', () => {
    expect(routeToHash({ kind: 'chat', account: ON_A_SERVER, uin: 10002 })).toBe(
      '#/10001%40qq.example.com%3A8000/chat/10002'
    )
    expect(routeAccount({ kind: 'system', account: ALICE })).toBe(ALICE)
    expect(routeAccount({ kind: 'login' })).toBeNull()
  })

  it('keeps the windows of two accounts apart: each has its own buddy list and chats', () => {
    const bob = '10002@built-in'
    expect(windowKey({ kind: 'buddies', account: ALICE })).not.toBe(
      windowKey({ kind: 'buddies', account: bob })
    )
    expect(windowKey({ kind: 'chat', account: ALICE, uin: 10003 })).not.toBe(
      windowKey({ kind: 'chat', account: bob, uin: 10003 })
    )
  })

  it('opens the login window for anything it does not know', () => {
    for (const hash of [
      '',
      '#',
      '#/nowhere',
      '#/buddies',
      '#/chat/10002',
      '#/10001%40built-in/chat',
      '#/10001%40built-in/chat/abc',
      '#/10001%40built-in/profile/1e5',
      '#/10001%40built-in/chat/12345678901',
      '#/10001/buddies',
      '#/not%20an%20account/buddies',
      '#/%E0%A4%A/buddies'
    ]) {
      expect(hashToRoute(hash), hash).toEqual({ kind: 'login' })
    }
  })
})
