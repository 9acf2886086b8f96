import { describe, expect, it } from 'vitest'
import { RateWindow } from '../../../src/server/state/rate-window.ts'

describe('RateWindow', () => {
  it('allows `limit` events per window, sliding', () => {
    const window = new RateWindow(2, 1000)
    expect([0, 10, 20].map((t) => window.take(t))).toEqual([true, true, false])
    expect(window.take(999)).toBe(false)
    expect(window.take(1000)).toBe(true)
    expect(window.take(1005)).toBe(false)
    expect(window.take(1010)).toBe(true)
  })

  it('does not count refused attempts', () => {
    const window = new RateWindow(1, 100)
    window.take(0)
    for (let t = 1; t < 100; t++) window.take(t)
    expect(window.take(100)).toBe(true)
  })
})
