import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { outboxWith } from './outbox-helpers.ts'
import { ordinaryReply, refusal } from './scripted-transport.ts'

const ok = () => ordinaryReply({ cmd: 'CLTMSG', target: 0, text: '' })
const START = 1_000_000

/** Every CLTMSG has at most four others within the 5 s before it (D-22). */
function keptTheLimit(times: readonly number[]): boolean {
  return times.every((at, i) => i < 5 || at - (times[i - 5] ?? 0) >= 5_000)
}

describe('outbox pacing (D-22: five messages per 5 s)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('ten at once: five go, the rest wait their turn, in order, and the wait is reported', async () => {
    const box = await outboxWith(ok)
    const texts = Array.from({ length: 10 }, (_, i) => `quick ${i + 1}`)
    for (const text of texts) box.outbox.add(10002, text)
    await vi.advanceTimersByTimeAsync(1)
    expect(box.texts()).toEqual(texts.slice(0, 5))
    expect(box.states().map(([, state]) => state)).toEqual([
      ...Array(5).fill('sent'),
      ...Array(5).fill('pending')
    ])
    // The windows learn that the queue waits, and until when.
    expect(box.waits()).toEqual([START + 5_000])
    await vi.advanceTimersByTimeAsync(4_998)
    expect(box.texts()).toHaveLength(5)
    await vi.advanceTimersByTimeAsync(1)
    expect(box.texts()).toEqual(texts)
    expect(box.waits()).toEqual([START + 5_000, null])
    expect(box.states().map(([, state]) => state)).toEqual(Array(10).fill('sent'))
    expect(keptTheLimit(box.sent().map((s) => s.at))).toBe(true)
    await box.finish()
  })

  it('each part of a long message counts as one', async () => {
    const box = await outboxWith(ok)
    box.outbox.add(10002, 'a'.repeat(1_500 * 3)) // three CLTMSGs
    for (const text of ['b', 'c', 'd']) box.outbox.add(10002, text)
    await vi.advanceTimersByTimeAsync(1)
    expect(box.texts().slice(3)).toEqual(['b', 'c'])
    await vi.advanceTimersByTimeAsync(5_000)
    expect(box.texts().slice(3)).toEqual(['b', 'c', 'd'])
    expect(keptTheLimit(box.sent().map((s) => s.at))).toBe(true)
    await box.finish()
  })

  it('a window of 0 (a server whose limits are unknown) sends as fast as it can', async () => {
    const box = await outboxWith(ok, 0)
    for (let i = 0; i < 8; i++) box.outbox.add(10002, String(i))
    await vi.advanceTimersByTimeAsync(1)
    expect(box.texts()).toHaveLength(8)
    expect(box.waits()).toEqual([])
    await box.finish()
  })

  it('waiting out a penalty is reported too, with its end', async () => {
    let n = 0
    const box = await outboxWith(
      () => (n++ === 0 ? { after: 20_000, answer: refusal('CLTMSG', 3) } : ok()),
      0
    )
    box.outbox.add(10002, 'held')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(box.waits()).toEqual([START + 40_000])
    await vi.advanceTimersByTimeAsync(20_000)
    expect(box.waits()).toEqual([START + 40_000, null])
    expect(box.states()).toEqual([['held', 'sent', undefined]])
    await box.finish()
  })
})
