import { afterEach, describe, expect, it, vi } from 'vitest'
import { Penalties } from '../../../src/server/state/penalties.ts'

/** Whether `promise` has settled once pending microtasks ran (no timer has fired). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

describe('penalties', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('hold for the scaled time', async () => {
    vi.useFakeTimers()
    const hold = new Penalties(0.5).hold(20)
    await vi.advanceTimersByTimeAsync(9_999)
    expect(await settled(hold)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(hold)).toBe(true)
  })

  it('are all answered when the server closes, and one arriving after is not held', async () => {
    vi.useFakeTimers()
    const penalties = new Penalties(1)
    const before = penalties.hold()
    penalties.releaseAll()
    expect(await settled(before)).toBe(true)
    expect(await settled(penalties.hold())).toBe(true)
  })
})
