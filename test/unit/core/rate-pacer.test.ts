import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RatePacer } from '../../../src/core/rate-pacer.ts'
import { systemClock, systemTimers } from '../../../src/core/clock.ts'

const pacer = (limit: number, windowMs: number) =>
  new RatePacer({ limit, windowMs, clock: systemClock, timers: systemTimers })

describe('rate pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('lets `limit` go at once, then the next one when the oldest leaves the window', () => {
    const five = pacer(5, 5_000)
    for (let i = 0; i < 5; i++) {
      expect(five.delay()).toBe(0)
      five.record()
      vi.advanceTimersByTime(100)
    }
    // The first went at 0 and it is 500 now: the sixth may go at 5,000.
    expect(five.delay()).toBe(4_500)
    vi.advanceTimersByTime(4_500)
    expect(five.delay()).toBe(0)
  })

  it('waits for its turn, says until when, and stops waiting when the signal aborts', async () => {
    const one = pacer(1, 3_000)
    one.record()
    const waits: number[] = []
    let turned: boolean | undefined
    void one
      .turn(new AbortController().signal, (until) => waits.push(until))
      .then((t) => {
        turned = t
      })
    await vi.advanceTimersByTimeAsync(2_999)
    expect(turned).toBeUndefined()
    expect(waits).toEqual([1_003_000])
    await vi.advanceTimersByTimeAsync(1)
    expect(turned).toBe(true)

    one.record()
    const stop = new AbortController()
    const aborted = one.turn(stop.signal)
    stop.abort()
    expect(await aborted).toBe(false)
  })

  it('a window of 0 (limits unknown) never waits', async () => {
    const none = pacer(1, 0)
    for (let i = 0; i < 10; i++) none.record()
    expect(none.delay()).toBe(0)
    expect(await none.turn(new AbortController().signal)).toBe(true)
  })
})
