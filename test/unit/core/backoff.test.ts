import { describe, expect, it } from 'vitest'
import { Backoff } from '../../../src/core/backoff.ts'

describe('backoff', () => {
  it('doubles up to the cap, each wait drawn from the upper half', () => {
    const low = new Backoff(1_000, 60_000, () => 0)
    const high = new Backoff(1_000, 60_000, () => 1)
    expect(Array.from({ length: 9 }, () => low.next())).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000
    ])
    expect(Array.from({ length: 9 }, () => high.next())).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000
    ])
  })

  it('starts over after a success', () => {
    const backoff = new Backoff(1_000, 60_000, () => 1)
    backoff.next()
    backoff.next()
    backoff.reset()
    expect(backoff.next()).toBe(1_000)
  })

  it('stays finite after any number of failures', () => {
    const backoff = new Backoff(1_000, 60_000)
    for (let i = 0; i < 10_000; i++) backoff.next()
    expect(backoff.next()).toBeLessThanOrEqual(60_000)
  })
})
