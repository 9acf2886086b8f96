import { describe, expect, it } from 'vitest'
import { LoginGuard } from '../../../src/server/state/login-guard.ts'

describe('LoginGuard', () => {
  it('blocks a number from an address after five wrong passwords within a minute', () => {
    const guard = new LoginGuard(1)
    for (let i = 0; i < 5; i++) {
      expect(guard.blocked('1.2.3.4', 10001, i)).toBe(false)
      guard.failed('1.2.3.4', 10001, i)
    }
    expect(guard.blocked('1.2.3.4', 10001, 10)).toBe(true)
    expect(guard.blocked('1.2.3.5', 10001, 10)).toBe(false)
    expect(guard.blocked('1.2.3.4', 10002, 10)).toBe(false)
    expect(guard.blocked('1.2.3.4', 10001, 60_000)).toBe(false)
  })

  it('forgets failures after a success, and scales its window', () => {
    const guard = new LoginGuard(0.01)
    for (let i = 0; i < 5; i++) guard.failed('a', 10001, 0)
    expect(guard.blocked('a', 10001, 599)).toBe(true)
    expect(guard.blocked('a', 10001, 600)).toBe(false)
    for (let i = 0; i < 5; i++) guard.failed('a', 10001, 1000)
    guard.succeeded('a', 10001)
    expect(guard.blocked('a', 10001, 1000)).toBe(false)
  })

  it('tracks at most 10,000 number/address pairs', () => {
    const guard = new LoginGuard(1)
    for (let i = 0; i < 5; i++) guard.failed('first', 10001, 0)
    for (let i = 0; i < 10_000; i++) guard.failed(`guesser ${i}`, 10001, 0)
    expect(guard.blocked('first', 10001, 1)).toBe(false)
  })
})
