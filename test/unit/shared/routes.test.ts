import { describe, expect, it } from 'vitest'
import { hashToRoute, routeToHash, type WindowRoute } from '../../../src/shared/routes.ts'

describe('window routes', () => {
  const routes: WindowRoute[] = [
    { kind: 'login' },
    { kind: 'buddies' },
    { kind: 'chat', uin: 10002 },
    { kind: 'profile', uin: 4294967295 },
    { kind: 'system' },
    { kind: 'history', uin: null },
    { kind: 'history', uin: 10002 },
    { kind: 'settings' }
  ]

  for (const route of routes) {
    it(`goes to the hash and back: ${routeToHash(route)}`, () => {
      expect(hashToRoute(routeToHash(route))).toEqual(route)
    })
  }

  it('opens the login window for anything it does not know', () => {
    for (const hash of [
      '',
      '#',
      '#/nowhere',
      '#/chat',
      '#/chat/abc',
      '#/profile/1e5',
      '#/chat/12345678901'
    ]) {
      expect(hashToRoute(hash)).toEqual({ kind: 'login' })
    }
  })
})
