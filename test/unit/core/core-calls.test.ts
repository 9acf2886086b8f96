import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { passwordMd5 } from '../../../src/core/account.ts'
import {
  createClientCore,
  NO_SECRETS,
  type ClientCore,
  type SecretBox
} from '../../../src/core/index.ts'
import { createFileSettingsStore } from '../../../src/core/settings/settings-file.ts'
import type { AccountEvent, LoginRequest } from '../../../src/shared/model.ts'
import type { Request } from '../../../src/shared/protocol/index.ts'
import { okReply, ordinaryReply, refusal, ScriptedTransport } from './scripted-transport.ts'
import { useTempDirs } from './temp-dir.ts'

const tempDir = useTempDirs()
const PENALTY_MS = 50
const EMBEDDED = {
  server: '127.0.0.1:18000',
  demoAccounts: [{ uin: 10001, nick: '小企鹅', face: 3, password: 'demo-secret' }]
}
const BOX: SecretBox = {
  available: () => true,
  encrypt: (text) => Buffer.from(text).toString('base64'),
  decrypt: (blob) => Buffer.from(blob, 'base64').toString()
}

function answer(request: Request) {
  if (request.cmd === 'List')
    return okReply('List', { kind: 'page', done: true, items: [10002, 10003] })
  if (request.cmd === 'Login' && request.passwordMd5 === passwordMd5('wrong')) {
    return okReply('Login', { accepted: false, reason: '密码错误' })
  }
  return ordinaryReply(request)
}

const cores: ClientCore[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop()
})

function core(secrets: SecretBox = NO_SECRETS, dataDir = tempDir()) {
  const transport = new ScriptedTransport(answer)
  const events: AccountEvent[] = []
  const instance = createClientCore({
    dataDir,
    settings: createFileSettingsStore(join(dataDir, 'settings.json')),
    secrets,
    embedded: EMBEDDED,
    transport,
    timing: { penaltyMs: PENALTY_MS }
  })
  instance.onEvent((event) => events.push(event))
  cores.push(instance)
  return { calls: instance.calls, transport, events, dataDir }
}

const DEMO = '10001@built-in'
/** 10009 on the other server the tests name (the transport answers for any). */
const OTHER = '10009@127.0.0.1:9'

const request = (patch: Partial<LoginRequest> = {}): LoginRequest => ({
  uin: 10001,
  password: '',
  status: 10,
  rememberPassword: false,
  autoLogin: false,
  server: '',
  ...patch
})

describe('core calls', () => {
  it('offers the embedded server with its demo accounts, never their passwords', async () => {
    const { calls } = core()
    const options = await calls.getLoginOptions()
    expect(options).toEqual({
      ok: true,
      value: {
        server: EMBEDDED.server,
        embedded: true,
        demoAccounts: [{ uin: 10001, nick: '小企鹅', face: 3 }],
        savedAccounts: [],
        // The command line's core keeps no password.
        keepsPasswords: false,
        autoLoginUins: [],
        signedIn: []
      }
    })
  })

  it('logs a demo account in with its password when none is typed', async () => {
    const { calls, transport, events } = core()
    const me = await calls.login(request())
    expect(me).toEqual({
      ok: true,
      value: {
        account: DEMO,
        server: EMBEDDED.server,
        me: { uin: 10001, nick: 'nick10001', face: 3 }
      }
    })
    expect(transport.of('Login')).toEqual([
      { cmd: 'Login', passwordMd5: passwordMd5('demo-secret'), wantsKey: true }
    ])
    const sessions = events.flatMap((e) =>
      e.account === DEMO && e.event.type === 'session' ? [e.event.session] : []
    )
    // The third state: the first poll showed a server without the extensions.
    expect(sessions.map((s) => [s.phase, s.extensions])).toEqual([
      ['logging-in', undefined],
      ['online', undefined],
      ['online', false]
    ])
    const snapshot = await calls.getSnapshot(DEMO)
    expect(snapshot.ok && snapshot.value.friends.map((f) => f.uin)).toEqual([10002, 10003])
  })

  it('needs a password for anyone else, and reports a wrong one by its code', async () => {
    const { calls, events } = core()
    expect(await calls.login(request({ uin: 10009 }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(await calls.login(request({ uin: 10009, password: 'wrong' }))).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: '密码错误' }
    })
    // Nothing signed in: the session's end is told to whoever watched that login.
    expect(await calls.getSnapshot(DEMO)).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' }
    })
    expect(events.at(-1)).toMatchObject({
      account: '10009@built-in',
      event: { type: 'session', session: { phase: 'offline', reason: 'WRONG_PASSWORD' } }
    })
  })

  it('remembers a password through the SecretBox and logs in with it next time', async () => {
    const dataDir = tempDir()
    const first = core(BOX, dataDir)
    await first.calls.login(
      request({ uin: 10009, password: 'hunter2', rememberPassword: true, server: '127.0.0.1:9' })
    )
    await first.calls.logout(OTHER)
    const second = core(BOX, dataDir)
    const options = await second.calls.getLoginOptions()
    expect(options).toMatchObject({
      ok: true,
      value: {
        server: '127.0.0.1:9',
        embedded: false,
        demoAccounts: [],
        savedAccounts: [{ uin: 10009, rememberPassword: true }],
        keepsPasswords: true
      }
    })
    expect(await second.calls.login(request({ uin: 10009 }))).toMatchObject({ ok: true })
    expect(second.transport.of('Login')).toEqual([
      { cmd: 'Login', passwordMd5: passwordMd5('hunter2'), wantsKey: true }
    ])
  })

  it('offers the automatic logins only on a fresh start, never after a login or logout', async () => {
    const dataDir = tempDir()
    const autoLoginUins = async (calls: ClientCore['calls']) => {
      const options = await calls.getLoginOptions()
      return options.ok ? options.value.autoLoginUins : 'failed'
    }
    const remembered = {
      uin: 10009,
      password: 'hunter2',
      rememberPassword: true,
      server: '127.0.0.1:9'
    }
    const first = core(BOX, dataDir)
    await first.calls.login(request({ ...remembered, autoLogin: true }))
    // This run has seen a login: a lost session or a logout must not log straight back in.
    expect(await autoLoginUins(first.calls)).toEqual([])
    await first.calls.logout(OTHER)
    expect(await autoLoginUins(first.calls)).toEqual([])

    const restarted = core(BOX, dataDir)
    expect(await autoLoginUins(restarted.calls)).toEqual([10009])
    await restarted.calls.login(request({ ...remembered, uin: 10008, autoLogin: true }))
    await restarted.calls.logout('10008@127.0.0.1:9')
    expect(await autoLoginUins(restarted.calls)).toEqual([])
    // Every account marked, latest first.
    expect(await autoLoginUins(core(BOX, dataDir).calls)).toEqual([10008, 10009])
    // Without a password that can be opened there is nothing to log in with.
    expect(await autoLoginUins(core(NO_SECRETS, dataDir).calls)).toEqual([])

    // One without automatic login is left out; the others still log in by themselves.
    const other = core(BOX, dataDir)
    await other.calls.login(request({ ...remembered, uin: 10007 }))
    expect(await autoLoginUins(core(BOX, dataDir).calls)).toEqual([10008, 10009])
  })

  it('a call for an account that is not signed in fails NOT_LOGGED_IN, never acts as another', async () => {
    const { calls } = core()
    await calls.login(request())
    const stranger = '10002@built-in'
    for (const result of [
      await calls.sendMessage(stranger, 10001, 'hi'),
      await calls.getHistory(stranger, 10002, null, 20),
      await calls.createGroup(stranger, 'x'),
      await calls.getProfile(stranger, 10002, false),
      await calls.setStatus(stranger, 30),
      await calls.getSnapshot('10001@127.0.0.1:9'),
      await calls.getSettings(stranger),
      await calls.updateSettings(stranger, { sounds: false }),
      await calls.logout(stranger)
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } })
    }
  })

  it('keeps local groups, remarks and unread counts, and tells every window', async () => {
    const { calls, events } = core()
    await calls.login(request())
    const group = await calls.createGroup(DEMO, ' 同学 ')
    if (!group.ok) throw new Error('no group')
    expect(group.value.name).toBe('同学')
    expect(await calls.moveFriend(DEMO, 10002, group.value.id)).toEqual({ ok: true, value: null })
    expect(await calls.setRemark(DEMO, 10002, '老同学')).toEqual({ ok: true, value: null })
    expect(await calls.moveFriend(DEMO, 10002, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await calls.moveFriend(DEMO, 12345, group.value.id)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await calls.deleteGroup(DEMO, 'friends')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    const last = events.filter((e) => e.event.type === 'friends').at(-1)?.event
    expect(last).toMatchObject({
      friends: [
        { uin: 10002, groupId: group.value.id },
        { uin: 10003, groupId: 'friends' }
      ],
      groups: [{ id: 'friends', name: '我的好友' }, group.value]
    })
    // A remark is that friend's change alone, after the list that has the move.
    expect(events.at(-1)).toEqual({
      account: DEMO,
      event: { type: 'friend-updated', uin: 10002, changes: { remark: '老同学' } }
    })
    expect(await calls.deleteGroup(DEMO, group.value.id)).toEqual({ ok: true, value: null })
    const snapshot = await calls.getSnapshot(DEMO)
    expect(snapshot.ok && snapshot.value.friends[0]).toMatchObject({
      uin: 10002,
      groupId: 'friends',
      remark: '老同学'
    })
  })

  it('keeps the app’s settings for all and each account’s own, and tells their windows', async () => {
    const dataDir = tempDir()
    const { calls, events } = core(NO_SECRETS, dataDir)
    // The login window (no account) changes the app's settings only.
    expect(await calls.updateSettings(null, { theme: 'dark' })).toMatchObject({
      ok: true,
      value: { theme: 'dark', pollIntervalMs: 2_000 }
    })
    expect(events.at(-1)).toEqual({
      account: null,
      event: { type: 'settings', settings: expect.objectContaining({ theme: 'dark' }) }
    })
    expect(await calls.updateSettings(null, { pollIntervalMs: 5_000 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(await calls.updateSettings(null, { theme: 'neon' } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })

    await calls.login(request())
    await calls.login(request({ uin: 10009, password: 'b' }))
    const other = '10009@built-in'
    const from = events.length
    expect(
      await calls.updateSettings(DEMO, { pollIntervalMs: 5_000, language: 'en' })
    ).toMatchObject({ ok: true, value: { pollIntervalMs: 5_000, language: 'en', theme: 'dark' } })
    // The app's key reaches every account's windows and the login window; the account's own
    // key only its own.
    const told = events
      .slice(from)
      .flatMap((e) =>
        e.event.type === 'settings'
          ? [[e.account, e.event.settings.language, e.event.settings.pollIntervalMs]]
          : []
      )
    expect(told).toEqual([
      [DEMO, 'en', 5_000],
      [other, 'en', 2_000],
      [null, 'en', 2_000]
    ])
    expect(await calls.getSettings(other)).toMatchObject({
      ok: true,
      value: { pollIntervalMs: 2_000 }
    })

    // Kept for the next run: the app's for all, the account's for that account.
    const next = core(NO_SECRETS, dataDir)
    expect(await next.calls.getSettings(null)).toMatchObject({
      ok: true,
      value: { theme: 'dark', language: 'en', pollIntervalMs: 2_000 }
    })
    await next.calls.login(request())
    expect(await next.calls.getSettings(DEMO)).toMatchObject({
      ok: true,
      value: { theme: 'dark', pollIntervalMs: 5_000 }
    })
  })

  it('going offline keeps the account and its list; any other status logs in again', async () => {
    const { calls, transport } = core()
    await calls.login(request())
    expect(await calls.setStatus(DEMO, 20)).toEqual({ ok: true, value: null })
    const offline = await calls.getSnapshot(DEMO)
    expect(offline).toMatchObject({
      ok: true,
      value: { session: { phase: 'offline' }, me: { uin: 10001 } }
    })
    expect(offline.ok && offline.value.friends).toHaveLength(2)
    expect(transport.of('Logout')).toHaveLength(1)
    expect(await calls.setStatus(DEMO, 30)).toEqual({ ok: true, value: null })
    expect(transport.of('Login')).toHaveLength(2)
    expect(transport.of('Change_Stat').at(-1)).toEqual({ cmd: 'Change_Stat', status: 30 })
    expect(await calls.getSnapshot(DEMO)).toMatchObject({
      ok: true,
      value: { session: { phase: 'online', status: 30 } }
    })
  })

  it('a status chosen too soon waits its turn, shown in the snapshot; logging out drops it', async () => {
    const { calls, transport } = core()
    await calls.login(request())
    expect(await calls.setStatus(DEMO, 30)).toEqual({ ok: true, value: null })
    const invisible = calls.setStatus(DEMO, 40)
    const snapshot = await calls.getSnapshot(DEMO)
    expect(snapshot.ok && snapshot.value.pacing.status?.status).toBe(40)
    expect(await calls.logout(DEMO)).toEqual({ ok: true, value: null })
    expect(await invisible).toEqual({ ok: true, value: null })
    expect(transport.of('Change_Stat')).toEqual([{ cmd: 'Change_Stat', status: 30 }])
  })

  it('signs several accounts in at once, the same one only once', async () => {
    const { calls, transport, events } = core()
    const server = '127.0.0.1:9'
    const [first, second, again] = await Promise.all([
      calls.login(request({ uin: 10008, password: 'a', server })),
      calls.login(request({ uin: 10009, password: 'b', server })),
      calls.login(request({ uin: 10008, password: 'a', server: 'http://127.0.0.1:9/' }))
    ])
    expect(first).toMatchObject({ ok: true, value: { account: '10008@127.0.0.1:9' } })
    expect(second).toMatchObject({ ok: true, value: { account: '10009@127.0.0.1:9' } })
    // The same server however it is typed: the second login of 10008 waited for the first.
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SIGNED_IN' } })
    expect(transport.of('Login')).toHaveLength(2)
    const options = await calls.getLoginOptions()
    expect(options.ok && options.value.signedIn.map((s) => s.account).sort()).toEqual([
      '10008@127.0.0.1:9',
      '10009@127.0.0.1:9'
    ])

    expect(await calls.logout('10008@127.0.0.1:9')).toEqual({ ok: true, value: null })
    expect(events.slice(-2)).toEqual([
      { account: '10008@127.0.0.1:9', event: { type: 'account-closed' } },
      {
        account: null,
        event: {
          type: 'accounts',
          accounts: [expect.objectContaining({ account: '10009@127.0.0.1:9' })]
        }
      }
    ])
    expect(await calls.getSnapshot('10009@127.0.0.1:9')).toMatchObject({
      ok: true,
      value: { me: { uin: 10009 }, session: { phase: 'online', uin: 10009 } }
    })
  })

  it('an account whose session ended is signed in again by a new login, under the same id', async () => {
    const { calls, events } = core()
    await calls.login(request())
    expect(await calls.setStatus(DEMO, 20)).toEqual({ ok: true, value: null })
    expect(await calls.login(request())).toMatchObject({ ok: true, value: { account: DEMO } })
    expect(events.some((e) => e.event.type === 'account-closed')).toBe(false)
    expect(await calls.getSnapshot(DEMO)).toMatchObject({
      ok: true,
      value: { session: { phase: 'online' } }
    })
  })

  it('a verification request refused with RES=3 is sent once more after the penalty (D-17)', async () => {
    const { calls, transport } = core()
    await calls.login(request())
    let acks = 0
    const ordinary = transport.answer
    transport.answer = (sent, uin) => {
      if (sent.cmd === 'AddToList') return okReply('AddToList', { code: 1, uin: sent.target })
      if (sent.cmd === 'Ack_AddToList' && acks++ === 0) return refusal('Ack_AddToList', 3)
      return ordinary(sent, uin)
    }
    expect(await calls.addFriend(DEMO, 10007, '我是谁')).toEqual({
      ok: true,
      value: 'verification-sent'
    })
    const asks = transport.sent.filter((s) => s.request.cmd === 'Ack_AddToList')
    expect(asks.map((s) => s.request)).toEqual(
      Array(2).fill({ cmd: 'Ack_AddToList', target: 10007, kind: 2, reason: '我是谁' })
    )
    expect((asks[1]?.at ?? 0) - (asks[0]?.at ?? 0)).toBeGreaterThanOrEqual(PENALTY_MS)
  })
})
