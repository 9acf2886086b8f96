import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CodedError } from '../../../src/shared/errors.ts'
import {
  LOGIN_OK,
  okReply,
  ordinaryReply,
  refusal,
  ScriptedTransport
} from './scripted-transport.ts'
import { MD5, scriptedSession, UIN } from './session-helpers.ts'

const LIST = okReply('List', { kind: 'page', done: true, items: [10002] })

describe('session', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('logs in with the MD5 of the password and goes online', async () => {
    const transport = new ScriptedTransport(ordinaryReply)
    const { session, states } = scriptedSession(transport)
    await session.login(10)
    expect(transport.sent[0]).toMatchObject({
      uin: UIN,
      request: { cmd: 'Login', passwordMd5: MD5 }
    })
    expect(states.map((s) => s.phase)).toEqual(['logging-in', 'online'])
    expect(session.state).toMatchObject({ phase: 'online', uin: UIN, status: 10 })
  })

  it('asks for a session key, sends it with every later request, and takes a new one at re-login', async () => {
    const keys = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210']
    let logins = 0
    let listed = 0
    const transport = new ScriptedTransport((request) => {
      if (request.cmd === 'Login')
        return okReply('Login', {
          accepted: true,
          heartbeat: 60,
          idle: 300,
          sessionKey: keys[logins++]
        })
      // The second List finds the session gone (a server restart): one re-login, then again.
      if (request.cmd === 'List' && ++listed === 2) return refusal('List', 20)
      return ordinaryReply(request)
    })
    const { session } = scriptedSession(transport)
    await session.login(10)
    await session.request({ cmd: 'List', count: 160 })
    await session.request({ cmd: 'List', count: 160 })
    expect(transport.sent.map((s) => [s.request.cmd, s.sessionKey])).toEqual([
      ['Login', undefined],
      ['List', keys[0]],
      ['List', keys[0]],
      ['Login', undefined],
      ['List', keys[1]]
    ])
    expect(transport.of('Login').every((login) => login.wantsKey)).toBe(true)
  })

  it('sends no key to a server of 2005, which gives none', async () => {
    const transport = new ScriptedTransport(ordinaryReply)
    const { session } = scriptedSession(transport)
    await session.login(10)
    await session.request({ cmd: 'List', count: 160 })
    expect(transport.sent.map((s) => s.sessionKey)).toEqual([undefined, undefined])
  })

  it('sets any other status right after the login (which is always online)', async () => {
    const transport = new ScriptedTransport(ordinaryReply)
    const { session } = scriptedSession(transport)
    await session.login(30)
    expect(transport.sent.map((s) => s.request)).toEqual([
      { cmd: 'Login', passwordMd5: MD5, wantsKey: true },
      { cmd: 'Change_Stat', status: 30 }
    ])
    expect(session.state.status).toBe(30)
  })

  it('reports a wrong password with the server’s reason and ends offline', async () => {
    const transport = new ScriptedTransport(() =>
      okReply('Login', { accepted: false, reason: '密码错误' })
    )
    const { session } = scriptedSession(transport)
    await expect(session.login(10)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
      message: '密码错误'
    })
    expect(session.state).toMatchObject({ phase: 'offline', reason: 'WRONG_PASSWORD' })
    expect(session.signal.aborted).toBe(true)
  })

  it('reports an unknown number as INVALID_UIN', async () => {
    const { session } = scriptedSession(new ScriptedTransport(() => refusal('Login', 5)))
    await expect(session.login(10)).rejects.toMatchObject({ code: 'INVALID_UIN' })
  })

  it('on RES=20 logs in again once, restores the status, and repeats the request', async () => {
    let listed = 0
    const transport = new ScriptedTransport((request) =>
      request.cmd === 'List'
        ? listed++ === 0
          ? refusal('List', 20)
          : LIST
        : ordinaryReply(request)
    )
    const { session } = scriptedSession(transport)
    await session.login(30)
    await expect(session.request({ cmd: 'List', count: 160, after: 0 })).resolves.toEqual(
      LIST.ok && LIST.data
    )
    expect(transport.sent.map((s) => s.request.cmd)).toEqual([
      'Login',
      'Change_Stat',
      'List',
      'Login',
      'Change_Stat',
      'List'
    ])
    expect(session.state).toMatchObject({ phase: 'online', status: 30 })
  })

  it('requests refused together while the server forgot us share one re-login', async () => {
    let loggedIn = true
    const transport = new ScriptedTransport((request) => {
      if (request.cmd === 'Login') {
        loggedIn = true
        return LOGIN_OK
      }
      return loggedIn ? ordinaryReply(request) : { after: 10, answer: refusal(request.cmd, 20) }
    })
    const { session } = scriptedSession(transport)
    await session.login(10)
    loggedIn = false
    const requests = [
      session.request({ cmd: 'List', count: 160, after: 0 }),
      session.request({ cmd: 'Query_Stat', count: 160, after: 0 }),
      session.request({ cmd: 'GetInfo', level: 1, target: 10002 })
    ]
    await vi.advanceTimersByTimeAsync(100)
    await Promise.all(requests)
    expect(transport.of('Login')).toHaveLength(2)
  })

  it('goes offline when the server forgets us again right after a re-login', async () => {
    const transport = new ScriptedTransport((request) =>
      request.cmd === 'Login' ? LOGIN_OK : refusal(request.cmd, 20)
    )
    const { session, states } = scriptedSession(transport)
    await session.login(10)
    await expect(session.request({ cmd: 'List', count: 160, after: 0 })).rejects.toMatchObject({
      code: 'NOT_LOGGED_IN'
    })
    expect(transport.of('Login')).toHaveLength(2)
    expect(states.at(-1)).toMatchObject({ phase: 'offline', reason: 'NOT_LOGGED_IN' })
    await expect(session.request({ cmd: 'List' })).rejects.toMatchObject({ code: 'OFFLINE' })
    expect(transport.of('Login')).toHaveLength(2)
  })

  it('two clients taking the number from each other stop after one re-login each', async () => {
    // Every request is refused, but each re-login succeeds: without a limit this never ends.
    let requests = 0
    const transport = new ScriptedTransport((request) => {
      if (request.cmd === 'Login') return LOGIN_OK
      return requests++ % 2 === 0 ? refusal(request.cmd, 20) : ordinaryReply(request)
    })
    const { session } = scriptedSession(transport, { reloginWindowMs: 60_000 })
    await session.login(10)
    await session.request({ cmd: 'List', count: 160, after: 0 })
    await expect(session.request({ cmd: 'List', count: 160, after: 0 })).rejects.toMatchObject({
      code: 'NOT_LOGGED_IN'
    })
    expect(transport.of('Login')).toHaveLength(2)
  })

  it('allows another re-login once the window has passed', async () => {
    let requests = 0
    const transport = new ScriptedTransport((request) => {
      if (request.cmd === 'Login') return LOGIN_OK
      return requests++ % 2 === 0 ? refusal(request.cmd, 20) : ordinaryReply(request)
    })
    const { session } = scriptedSession(transport, { reloginWindowMs: 60_000 })
    await session.login(10)
    await session.request({ cmd: 'List', count: 160, after: 0 })
    await vi.advanceTimersByTimeAsync(60_000)
    await session.request({ cmd: 'List', count: 160, after: 0 })
    expect(transport.of('Login')).toHaveLength(3)
  })

  it('a failed re-login ends the session with the reason', async () => {
    let logins = 0
    const transport = new ScriptedTransport((request) => {
      if (request.cmd === 'Login')
        return logins++ === 0 ? LOGIN_OK : okReply('Login', { accepted: false, reason: 'x' })
      return refusal(request.cmd, 20)
    })
    const { session } = scriptedSession(transport)
    await session.login(10)
    await expect(session.request({ cmd: 'List' })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' })
    expect(session.state).toMatchObject({ phase: 'offline', reason: 'WRONG_PASSWORD' })
  })

  it('reconnecting and back: the state carries the reason and when the next try is due', async () => {
    const { session, states } = scriptedSession(new ScriptedTransport(ordinaryReply))
    await session.login(10)
    session.connectionLost('UNREACHABLE', 12_345)
    expect(session.state).toMatchObject({
      phase: 'reconnecting',
      reason: 'UNREACHABLE',
      retryAt: 12_345
    })
    const online = session.whenOnline()
    session.connectionRestored()
    await expect(online).resolves.toBe(true)
    expect(states.at(-1)).toEqual({
      phase: 'online',
      uin: UIN,
      status: 10,
      extensions: undefined,
      secure: false,
      local: true
    })
  })

  it('goes offline when the server shows another certificate mid-session (D-27)', async () => {
    let changed = false
    const transport = new ScriptedTransport((request) =>
      changed && request.cmd !== 'Logout'
        ? new CodedError('CERTIFICATE_CHANGED', 'not the certificate accepted before')
        : ordinaryReply(request)
    )
    const { session } = scriptedSession(transport, {}, { server: 'https://qq.example:8000' })
    await session.login(10)
    changed = true
    await expect(session.request({ cmd: 'List', count: 160 })).rejects.toMatchObject({
      code: 'CERTIFICATE_CHANGED'
    })
    expect(session.state).toMatchObject({ phase: 'offline', reason: 'CERTIFICATE_CHANGED' })
    expect(session.signal.aborted).toBe(true)
  })

  it('says the connection is protected while an https session lasts (D-27)', async () => {
    const transport = new ScriptedTransport(ordinaryReply)
    const { session, states } = scriptedSession(
      transport,
      {},
      { server: 'https://qq.example:8000' }
    )
    await session.login(10)
    expect(states.map((s) => [s.phase, s.secure])).toEqual([
      ['logging-in', true],
      ['online', true]
    ])
    await session.logout()
    expect(session.state.secure).toBeUndefined()
  })

  it('says whether the server is on this computer, for the warning of a plain remote one', async () => {
    const remote = scriptedSession(
      new ScriptedTransport(ordinaryReply),
      {},
      { server: 'qq.example' }
    )
    await remote.session.login(10)
    expect(remote.session.state).toMatchObject({ phase: 'online', secure: false, local: false })
    const loopback = scriptedSession(
      new ScriptedTransport(ordinaryReply),
      {},
      { server: '[::1]:8000' }
    )
    await loopback.session.login(10)
    expect(loopback.session.state).toMatchObject({ phase: 'online', secure: false, local: true })
    await remote.session.logout()
    expect(remote.session.state.local).toBeUndefined()
  })

  it('logs out without waiting long for the server', async () => {
    const transport = new ScriptedTransport((request) =>
      request.cmd === 'Logout'
        ? { after: 60_000, answer: ordinaryReply(request) }
        : ordinaryReply(request)
    )
    const { session } = scriptedSession(transport, { logoutTimeoutMs: 3_000 })
    await session.login(10)
    session.connectionLost('TIMEOUT')
    const waiting = session.whenOnline()
    let loggedOut = false
    const loggingOut = session.logout().then(() => (loggedOut = true))
    await expect(waiting).resolves.toBe(false)
    expect(session.state.phase).toBe('offline')
    await vi.advanceTimersByTimeAsync(2_999)
    expect(loggedOut).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await loggingOut
    expect(transport.of('Logout')).toHaveLength(1)
  })

  it('names the command when the server closes without a reply', async () => {
    const transport = new ScriptedTransport((request) =>
      request.cmd === 'Login' ? LOGIN_OK : new CodedError('NO_REPLY', 'closed')
    )
    const { session } = scriptedSession(transport)
    await session.login(10)
    await expect(session.request({ cmd: 'AddToList', target: 10002 })).rejects.toMatchObject({
      code: 'NO_REPLY',
      message: 'the server rejected the AddToList request'
    })
  })
})
