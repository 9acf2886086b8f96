import { describe, expect, it } from 'vitest'
import { MemoryLoginGuard } from '../../../src/server/state/memory/login-guard.ts'

describe('LoginGuard', () => {
  it('blocks a number from an address after five wrong passwords within a minute', async () => {
    const guard = new MemoryLoginGuard(1)
    for (let i = 0; i < 5; i++) {
      expect(await guard.blocked('1.2.3.4', 10001, i)).toBe(false)
      await guard.failed('1.2.3.4', 10001, i)
    }
    expect(await guard.blocked('1.2.3.4', 10001, 10)).toBe(true)
    expect(await guard.blocked('1.2.3.5', 10001, 10)).toBe(false)
    expect(await guard.blocked('1.2.3.4', 10002, 10)).toBe(false)
    expect(await guard.blocked('1.2.3.4', 10001, 60_000)).toBe(false)
  })

  it('forgets failures after a success, and scales its window', async () => {
    const guard = new MemoryLoginGuard(0.01)
    for (let i = 0; i < 5; i++) await guard.failed('a', 10001, 0)
    expect(await guard.blocked('a', 10001, 599)).toBe(true)
    expect(await guard.blocked('a', 10001, 600)).toBe(false)
    for (let i = 0; i < 5; i++) await guard.failed('a', 10001, 1000)
    await guard.succeeded('a', 10001)
    expect(await guard.blocked('a', 10001, 1000)).toBe(false)
  })

  it('tracks at most 10,000 number/address pairs', async () => {
    const guard = new MemoryLoginGuard(1)
    for (let i = 0; i < 5; i++) await guard.failed('first', 10001, 0)
    for (let i = 0; i < 10_000; i++) await guard.failed(`guesser ${i}`, 10001, 0)
    expect(await guard.blocked('first', 10001, 1)).toBe(false)
  })
})
