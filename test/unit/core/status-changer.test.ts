import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PacingReport } from '../../../src/core/pacing-report.ts'
import { RatePacer } from '../../../src/core/rate-pacer.ts'
import { StatusChanger } from '../../../src/core/status-changer.ts'
import { systemClock, systemTimers } from '../../../src/core/clock.ts'
import type { CoreEvent, Pacing, Status } from '../../../src/shared/model.ts'
import { ordinaryReply, refusal, ScriptedTransport } from './scripted-transport.ts'
import { scriptedSession } from './session-helpers.ts'

const START = 1_000_000

/** D-19 as the client keeps it: one status change per 3 s. */
const statusPacer = () =>
  new RatePacer({ limit: 1, windowMs: 3_000, clock: systemClock, timers: systemTimers })

async function changerAfterLogin(loginStatus: Status) {
  const transport = new ScriptedTransport(ordinaryReply)
  const pacer = statusPacer()
  const { session } = scriptedSession(transport, {}, { statusPacer: pacer })
  await session.login(loginStatus)
  const events: CoreEvent[] = []
  const changer = new StatusChanger(pacer, new PacingReport((event) => events.push(event)))
  const sent = () => transport.of('Change_Stat').map((r) => r.status)
  const sentAt = () =>
    transport.sent.filter((s) => s.request.cmd === 'Change_Stat').map((s) => s.at)
  const waits = () =>
    events.flatMap((e): Pacing['status'][] => (e.type === 'pacing' ? [e.pacing.status] : []))
  const change = (status: Status) => changer.change(session, status)
  return { session, changer, sent, sentAt, waits, change }
}

describe('status changes (D-19: one per 3 s), the latest choice wins', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('busy → invisible → online quickly: busy at once, then only online when allowed', async () => {
    const c = await changerAfterLogin(10)
    const busy = c.change(30)
    await vi.advanceTimersByTimeAsync(1_000)
    const invisible = c.change(40)
    await vi.advanceTimersByTimeAsync(500)
    const online = c.change(10)
    await vi.advanceTimersByTimeAsync(1_499)
    expect(c.sent()).toEqual([30])
    // The windows are told which choice waits, and until when.
    expect(c.waits()).toEqual([
      { status: 40, until: START + 3_000 },
      { status: 10, until: START + 3_000 }
    ])
    await vi.advanceTimersByTimeAsync(1)
    // Every caller of the burst learns how it ended.
    await Promise.all([busy, invisible, online])
    expect(c.sent()).toEqual([30, 10])
    expect(c.sentAt()).toEqual([START, START + 3_000])
    expect(c.session.state.status).toBe(10)
    expect(c.waits().at(-1)).toBeNull()
  })

  it('choices made in one go send only the last', async () => {
    const c = await changerAfterLogin(10)
    await Promise.all([c.change(30), c.change(40)])
    expect(c.sent()).toEqual([40])
    await Promise.all([c.change(30), c.change(10), c.change(40)])
    await vi.advanceTimersByTimeAsync(0)
    expect(c.sent()).toEqual([40])
  })

  it('coming back to the status already set while waiting sends nothing more', async () => {
    const c = await changerAfterLogin(10)
    await c.change(30)
    const away = c.change(10)
    await vi.advanceTimersByTimeAsync(100)
    const back = c.change(30)
    await vi.advanceTimersByTimeAsync(1)
    await Promise.all([away, back])
    expect(c.sent()).toEqual([30])
    expect(c.waits().at(-1)).toBeNull()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(c.sent()).toEqual([30])
  })

  it('the Change_Stat after a login as busy counts: the next change waits its turn', async () => {
    const c = await changerAfterLogin(30)
    expect(c.sent()).toEqual([30])
    const online = c.change(10)
    await vi.advanceTimersByTimeAsync(2_999)
    expect(c.sent()).toEqual([30])
    await vi.advanceTimersByTimeAsync(1)
    await online
    expect(c.sent()).toEqual([30, 10])
  })

  it('a re-login restores the status in its turn, as the server counts that change too', async () => {
    let listed = 0
    const transport = new ScriptedTransport((request) =>
      request.cmd === 'List' && listed++ === 0 ? refusal('List', 20) : ordinaryReply(request)
    )
    const pacer = statusPacer()
    const { session } = scriptedSession(transport, {}, { statusPacer: pacer })
    await session.login(30)
    const listing = session.request({ cmd: 'List', count: 160, after: 0 })
    await vi.advanceTimersByTimeAsync(2_999)
    expect(transport.of('Change_Stat')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await listing
    const changes = transport.sent.filter((s) => s.request.cmd === 'Change_Stat')
    expect(changes.map((s) => s.at)).toEqual([START, START + 3_000])
  })

  it('going offline drops a choice that waits, and its caller is done', async () => {
    const c = await changerAfterLogin(10)
    await c.change(30)
    const waiting = c.change(40)
    await vi.advanceTimersByTimeAsync(100)
    c.changer.withdraw()
    await c.session.logout()
    await expect(waiting).resolves.toBeUndefined()
    expect(c.sent()).toEqual([30])
    expect(c.waits().at(-1)).toBeNull()
  })

  it('a session that ends while a choice waits gives up on it', async () => {
    const c = await changerAfterLogin(10)
    await c.change(30)
    const waiting = c.change(40)
    await vi.advanceTimersByTimeAsync(100)
    await c.session.logout()
    await expect(waiting).rejects.toMatchObject({ code: 'OFFLINE' })
    expect(c.sent()).toEqual([30])
    expect(c.waits().at(-1)).toBeNull()
  })
})
