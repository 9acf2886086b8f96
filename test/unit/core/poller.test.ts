import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Batch } from '../../../src/core/inbox.ts'
import { runPoller } from '../../../src/core/poller.ts'
import { systemClock, systemTimers } from '../../../src/core/clock.ts'
import { resolveTiming, type Timing } from '../../../src/core/timing.ts'
import { CodedError } from '../../../src/shared/errors.ts'
import { diagnostics } from '../../../src/logging/diagnostics.ts'
import type { Session } from '../../../src/core/session.ts'
import {
  LOGIN_OK,
  okReply,
  ordinaryReply,
  refusal,
  ScriptedTransport,
  type Answer
} from './scripted-transport.ts'
import { scriptedSession } from './session-helpers.ts'

const TIMING: Partial<Timing> = { penaltyMs: 20_000, backoffBaseMs: 1_000, backoffMaxMs: 60_000 }
const EMPTY = okReply('GetMsgEx', { messages: [] })
const EMPTY_BATCH = okReply('GetMsgEx', { messages: [], batchId: '0' })

async function startPolling(answerPoll: (n: number) => Answer, timing: Partial<Timing> = TIMING) {
  let polls = 0
  const transport = new ScriptedTransport((request) =>
    request.cmd === 'GetMsgEx' ? answerPoll(polls++) : ordinaryReply(request)
  )
  const { session, states } = scriptedSession(transport, timing)
  await session.login(10)
  const batches: Batch[] = []
  const done = runPoller({
    session,
    timing: resolveTiming(timing),
    clock: systemClock,
    timers: systemTimers,
    pollIntervalMs: () => 2_000,
    accept: (batch) => batches.push(batch)
  })
  const polled = () => transport.sent.filter((sent) => sent.request.cmd === 'GetMsgEx')
  return { transport, session, states, batches, done, polled }
}

const gapsOf = (times: number[]) => times.slice(1).map((at, i) => at - (times[i] ?? at))

async function stop(session: Session, done: Promise<void>) {
  await session.logout()
  await done
}

describe('poller', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('polls a server of the time every interval, always sending WT and AK', async () => {
    const { session, done, polled } = await startPolling(() => EMPTY)
    await vi.advanceTimersByTimeAsync(10_000)
    const polls = polled()
    expect(polls).toHaveLength(6) // at 0, 2, 4, 6, 8 and 10 s
    for (const { request } of polls)
      expect(request).toEqual({ cmd: 'GetMsgEx', wait: 25, ack: '0' })
    expect(session.state.extensions).toBe(false)
    await stop(session, done)
  })

  it('asks again at once when the server holds its replies (long poll)', async () => {
    const { session, done, polled } = await startPolling(() => ({
      after: 25_000,
      answer: EMPTY_BATCH
    }))
    await vi.advanceTimersByTimeAsync(100_000)
    expect(polled().map((p) => p.at - (polled()[0]?.at ?? 0))).toEqual([
      0, 25_000, 50_000, 75_000, 100_000
    ])
    expect(session.state.extensions).toBe(true)
    await stop(session, done)
  })

  it('acknowledges a batch only with the request after it was accepted', async () => {
    const message = { type: 9, from: 10002, text: 'hi', time: 1_700_000_000 }
    const { session, done, polled, batches } = await startPolling((n) =>
      n === 0
        ? okReply('GetMsgEx', { messages: [message], batchId: '7' })
        : { after: 25_000, answer: EMPTY_BATCH }
    )
    await vi.advanceTimersByTimeAsync(1)
    expect(batches).toEqual([{ messages: [message], batchId: '7' }])
    expect(polled().map((p) => p.request)).toEqual([
      { cmd: 'GetMsgEx', wait: 25, ack: '0' },
      { cmd: 'GetMsgEx', wait: 25, ack: '7' }
    ])
    await vi.advanceTimersByTimeAsync(25_000)
    expect(polled()[2]?.request).toEqual({ cmd: 'GetMsgEx', wait: 25, ack: '0' })
    await stop(session, done)
  })

  it('does not acknowledge a batch it could not store, so the server sends it again', async () => {
    const message = { type: 9, from: 10002, text: 'hi' }
    let polls = 0
    const transport = new ScriptedTransport((request) =>
      request.cmd === 'GetMsgEx'
        ? polls++ < 2
          ? okReply('GetMsgEx', { messages: [message], batchId: '3' })
          : { after: 25_000, answer: EMPTY_BATCH }
        : ordinaryReply(request)
    )
    const { session } = scriptedSession(transport, TIMING)
    await session.login(10)
    let failures = 1
    const errors = vi.spyOn(diagnostics(), 'error').mockImplementation(() => undefined)
    const accepted: Batch[] = []
    const done = runPoller({
      session,
      timing: resolveTiming(TIMING),
      clock: systemClock,
      timers: systemTimers,
      pollIntervalMs: () => 2_000,
      accept: (batch) => {
        if (failures-- > 0) throw new Error('disk full')
        accepted.push(batch)
      }
    })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(transport.of('GetMsgEx').map((r) => r.ack)).toEqual(['0', '0', '3'])
    expect(accepted).toHaveLength(1)
    expect(errors).toHaveBeenCalledOnce()
    await stop(session, done)
  })

  it('empties a queue at once, 20 replies in a row, then waits the interval when more keep coming', async () => {
    // A server that never empties its queue (here: the same message again and again).
    const message = { type: 9, from: 10002, text: 'again' } as const
    const { session, done, polled } = await startPolling(() => ({
      after: 1,
      answer: okReply('GetMsgEx', { messages: [message] })
    }))
    await vi.advanceTimersByTimeAsync(10_000)
    const gaps = gapsOf(polled().map((p) => p.at))
    // Every 21st request follows a pause of the interval; it used to be ten thousand in a row.
    expect(gaps.filter((gap) => gap >= 2_000).length).toBeGreaterThanOrEqual(4)
    expect(polled().length).toBeLessThanOrEqual(5 * 20 + 1)
    await stop(session, done)
  })

  it('waits the interval too when a server sends back the batch just acknowledged', async () => {
    const message = { type: 9, from: 10002, text: 'again' } as const
    const { session, done, polled } = await startPolling(() => ({
      after: 1,
      answer: okReply('GetMsgEx', { messages: [message], batchId: '7' })
    }))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(polled().length).toBeLessThanOrEqual(5 * 21 + 1)
    await stop(session, done)
  })

  it('asks again at once for every new batch, however many come', async () => {
    // Messages arriving faster than a poll is held: each reply a new batch, none waited for.
    const message = { type: 9, from: 10002, text: 'more' } as const
    const { session, done, polled } = await startPolling((n) =>
      n < 100
        ? { after: 1, answer: okReply('GetMsgEx', { messages: [message], batchId: String(n + 1) }) }
        : { after: 25_000, answer: EMPTY_BATCH }
    )
    await vi.advanceTimersByTimeAsync(1_000)
    expect(polled().length).toBe(101)
    expect(Math.max(...gapsOf(polled().map((p) => p.at)))).toBeLessThan(2_000)
    await stop(session, done)
  })

  it('after RES=3 waits the penalty before the next attempt', async () => {
    const { session, done, polled } = await startPolling((n) =>
      n === 0
        ? { after: 20_000, answer: refusal('GetMsgEx', 3) }
        : { after: 25_000, answer: EMPTY_BATCH }
    )
    await vi.advanceTimersByTimeAsync(20_000)
    expect(polled()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(19_999)
    expect(polled()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(polled()).toHaveLength(2)
    expect(gapsOf(polled().map((p) => p.at))).toEqual([40_000])
    await stop(session, done)
  })

  it('1,000 failures make 1,000 attempts, spaced out by a growing, capped backoff', async () => {
    const { session, done, polled, states } = await startPolling((n) =>
      n < 1_000
        ? new CodedError('UNREACHABLE', 'connection refused')
        : { after: 25_000, answer: EMPTY_BATCH }
    )
    while (polled().length <= 1_000) await vi.advanceTimersByTimeAsync(60_000)
    const times = polled().map((p) => p.at)
    // Every failure is followed by a wait: no two attempts closer than half the first delay.
    const gaps = gapsOf(times.slice(0, 1_001))
    expect(gaps).toHaveLength(1_000)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000)
    // Past the first few doublings every wait is at least half the cap: no busy loop.
    expect(Math.min(...gaps.slice(10))).toBeGreaterThanOrEqual(30_000)
    expect(
      states.some(
        (s) => s.phase === 'reconnecting' && s.reason === 'UNREACHABLE' && s.retryAt !== undefined
      )
    ).toBe(true)
    await vi.advanceTimersByTimeAsync(25_000)
    expect(session.state.phase).toBe('online')
    await stop(session, done)
  })

  it('a server that stays away for a day gets a bounded number of requests', async () => {
    const { session, done, polled } = await startPolling(
      () => new CodedError('TIMEOUT', 'no reply in time')
    )
    await vi.advanceTimersByTimeAsync(24 * 3600_000)
    // At most one attempt per 30 s once the backoff reached its cap, plus the first doublings.
    expect(polled().length).toBeLessThanOrEqual((24 * 3600) / 30 + 10)
    expect(polled().length).toBeGreaterThan((24 * 3600) / 60 - 10)
    await stop(session, done)
  })

  it('after a re-login starts acknowledgements over', async () => {
    let polls = 0
    const message = { type: 9, from: 10002, text: 'hi' }
    const transport = new ScriptedTransport((request) => {
      if (request.cmd === 'Login') return LOGIN_OK
      if (request.cmd !== 'GetMsgEx') return ordinaryReply(request)
      polls++
      if (polls === 1) return okReply('GetMsgEx', { messages: [message], batchId: '5' })
      if (polls === 2) return refusal('GetMsgEx', 20)
      return { after: 25_000, answer: EMPTY_BATCH }
    })
    const { session } = scriptedSession(transport, TIMING)
    await session.login(10)
    const done = runPoller({
      session,
      timing: resolveTiming(TIMING),
      clock: systemClock,
      timers: systemTimers,
      pollIntervalMs: () => 2_000,
      accept: () => undefined
    })
    await vi.advanceTimersByTimeAsync(1)
    expect(transport.of('Login')).toHaveLength(2)
    expect(transport.of('GetMsgEx').map((r) => r.ack)).toEqual(['0', '5', '0'])
    await stop(session, done)
  })
})
