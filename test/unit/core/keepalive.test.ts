import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runKeepalive } from '../../../src/core/keepalive.ts'
import { systemClock, systemTimers } from '../../../src/core/clock.ts'
import { okReply, ordinaryReply, ScriptedTransport } from './scripted-transport.ts'
import { scriptedSession, UIN } from './session-helpers.ts'

async function keepalive(heartbeat: number) {
  const transport = new ScriptedTransport((request) =>
    request.cmd === 'Login'
      ? okReply('Login', { accepted: true, heartbeat, idle: 300 })
      : ordinaryReply(request)
  )
  const { session } = scriptedSession(transport)
  await session.login(10)
  let refreshes = 0
  const done = runKeepalive({
    session,
    clock: systemClock,
    timers: systemTimers,
    presenceRefreshMs: 60_000,
    refreshPresence: async () => {
      refreshes++
      await session.request({ cmd: 'Query_Stat', count: 160, after: 0 })
    }
  })
  const stop = async () => {
    await session.logout()
    await done
  }
  return { transport, session, stop, refreshes: () => refreshes }
}

describe('keepalive', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('never lets HI pass silent: a cheap request after half of it with nothing sent', async () => {
    const { transport, stop } = await keepalive(60)
    await vi.advanceTimersByTimeAsync(29_999)
    expect(transport.of('GetInfo')).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(transport.of('GetInfo')).toEqual([{ cmd: 'GetInfo', level: 0, target: UIN }])
    await stop()
  })

  it('stays quiet while other requests keep the session busy', async () => {
    const { transport, session, stop } = await keepalive(60)
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(10_000)
      await session.request({ cmd: 'List', count: 160, after: 0 })
    }
    expect(transport.of('GetInfo')).toEqual([])
    await stop()
  })

  it('refreshes presence with a full Query_Stat every so often', async () => {
    const { refreshes, stop } = await keepalive(600)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(refreshes()).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(refreshes()).toBe(1)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(refreshes()).toBe(3)
    await stop()
  })

  it('waits while reconnecting instead of spinning', async () => {
    const { transport, session, stop } = await keepalive(60)
    session.connectionLost('UNREACHABLE')
    await vi.advanceTimersByTimeAsync(600_000)
    expect(transport.sent.filter((s) => s.request.cmd !== 'Login')).toEqual([])
    await stop()
  })
})
