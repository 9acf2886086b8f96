import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CodedError } from '../../../src/shared/errors.ts'
import { outboxWith, PENALTY_MS } from './outbox-helpers.ts'
import { ordinaryReply, refusal } from './scripted-transport.ts'

describe('outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stores first, then sends in the order written, and reports each as sent', async () => {
    const box = await outboxWith(() => ordinaryReply({ cmd: 'CLTMSG', target: 0, text: '' }))
    const first = box.outbox.add(10002, 'one')
    box.outbox.add(10003, 'two')
    box.outbox.add(10002, 'three')
    expect(first.state).toBe('pending')
    expect(box.events[0]).toEqual({ type: 'message', message: first })
    await vi.advanceTimersByTimeAsync(1)
    expect(box.texts()).toEqual(['one', 'two', 'three'])
    // History lists by conversation: 10002's two, then 10003's.
    expect(box.states()).toEqual([
      ['one', 'sent', undefined],
      ['three', 'sent', undefined],
      ['two', 'sent', undefined]
    ])
    expect(box.events.filter((e) => e.type === 'message-state')).toHaveLength(3)
    const perMessage = ['send:requesting', 'send:replied', 'send:marked']
    expect(box.steps).toEqual([
      ...Array(3).fill('send:stored'),
      ...perMessage,
      ...perMessage,
      ...perMessage
    ])
    await box.finish()
  })

  it('holds the queue after RES=3 and sends again no sooner than the penalty, in order', async () => {
    const box = await outboxWith((_r, n) =>
      n === 1
        ? { after: PENALTY_MS, answer: refusal('CLTMSG', 3) }
        : ordinaryReply({ cmd: 'CLTMSG', target: 0, text: '' })
    )
    for (const text of ['1', '2', '3']) box.outbox.add(10002, text)
    await vi.advanceTimersByTimeAsync(PENALTY_MS)
    expect(box.texts()).toEqual(['1', '2'])
    expect(box.states().map(([, state]) => state)).toEqual(['sent', 'pending', 'pending'])
    await vi.advanceTimersByTimeAsync(PENALTY_MS - 1)
    expect(box.texts()).toEqual(['1', '2'])
    await vi.advanceTimersByTimeAsync(1)
    expect(box.texts()).toEqual(['1', '2', '2', '3'])
    const [, refused, retried] = box.sent().map((s) => s.at)
    expect((retried ?? 0) - (refused ?? 0)).toBe(2 * PENALTY_MS)
    expect(box.states().map(([, state]) => state)).toEqual(['sent', 'sent', 'sent'])
    await box.finish()
  })

  it('a send cut off after writing becomes unknown and is not sent again until the user retries', async () => {
    const box = await outboxWith((_r, n) =>
      n === 0
        ? new CodedError('UNKNOWN_OUTCOME', 'reset')
        : ordinaryReply({ cmd: 'CLTMSG', target: 0, text: '' })
    )
    const message = box.outbox.add(10002, 'maybe')
    box.outbox.add(10002, 'next')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(box.texts()).toEqual(['maybe', 'next'])
    expect(box.states()).toEqual([
      ['maybe', 'unknown', 'UNKNOWN_OUTCOME'],
      ['next', 'sent', undefined]
    ])
    box.outbox.retry(message.id)
    await vi.advanceTimersByTimeAsync(1)
    expect(box.texts()).toEqual(['maybe', 'next', 'maybe'])
    expect(box.states()[0]).toEqual(['maybe', 'sent', undefined])
    await box.finish()
  })

  it('a request the server rejects (NULL) fails with NO_REPLY; retry only failed or unknown ones', async () => {
    const box = await outboxWith(() => new CodedError('NO_REPLY', 'closed'))
    const message = box.outbox.add(10002, 'x')
    await vi.advanceTimersByTimeAsync(1)
    expect(box.states()).toEqual([['x', 'failed', 'NO_REPLY']])
    expect(() => box.outbox.retry('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    box.store.messages.setState(message.id, 'sent')
    expect(() => box.outbox.retry(message.id)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' })
    )
    await box.finish()
  })

  it('a server it cannot reach keeps the message pending until the connection is back', async () => {
    let reachable = false
    const box = await outboxWith(() =>
      reachable
        ? ordinaryReply({ cmd: 'CLTMSG', target: 0, text: '' })
        : new CodedError('UNREACHABLE', 'refused')
    )
    box.outbox.add(10002, 'later')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(box.texts()).toEqual(['later'])
    expect(box.states()).toEqual([['later', 'pending', undefined]])
    expect(box.session.state.phase).toBe('reconnecting')
    reachable = true
    box.session.connectionRestored()
    await vi.advanceTimersByTimeAsync(1)
    expect(box.states()).toEqual([['later', 'sent', undefined]])
    await box.finish()
  })

  it('splits a long message into CLTMSGs in order and keeps it one message', async () => {
    const box = await outboxWith(() => ordinaryReply({ cmd: 'CLTMSG', target: 0, text: '' }))
    const text = '长'.repeat(1_200) // 3,600 bytes
    box.outbox.add(10002, text)
    await vi.advanceTimersByTimeAsync(1)
    expect(box.texts()).toEqual(['长'.repeat(500), '长'.repeat(500), '长'.repeat(200)])
    expect(box.states()).toEqual([[text, 'sent', undefined]])
    await box.finish()
  })

  it('after a penalty on the second part it goes on from that part, not from the start', async () => {
    const box = await outboxWith((_r, n) =>
      n === 1 ? refusal('CLTMSG', 3) : ordinaryReply({ cmd: 'CLTMSG', target: 0, text: '' })
    )
    box.outbox.add(10002, 'a'.repeat(1_500) + 'b'.repeat(10))
    await vi.advanceTimersByTimeAsync(PENALTY_MS)
    expect(box.texts()).toEqual(['a'.repeat(1_500), 'b'.repeat(10), 'b'.repeat(10)])
    expect(box.states().map(([, state]) => state)).toEqual(['sent'])
    await box.finish()
  })
})
