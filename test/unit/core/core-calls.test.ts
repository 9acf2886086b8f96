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
import type { CoreEvent, LoginRequest } from '../../../src/shared/model.ts'
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
  const events: CoreEvent[] = []
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
        autoLoginUin: null
      }
    })
  })

  it('logs a demo account in with its password when none is typed', async () => {
    const { calls, transport, events } = core()
    const me = await calls.login(request())
    expect(me).toEqual({ ok: true, value: { uin: 10001, nick: 'nick10001', face: 3 } })
    expect(transport.of('Login')).toEqual([
      { cmd: 'Login', passwordMd5: passwordMd5('demo-secret'), wantsKey: true }
    ])
    const sessions = events.flatMap((e) => (e.type === 'session' ? [e.session] : []))
    // The third state: the first poll showed a server without the extensions.
    expect(sessions.map((s) => [s.phase, s.extensions])).toEqual([
      ['logging-in', undefined],
      ['online', undefined],
      ['online', false]
    ])
    const snapshot = await calls.getSnapshot()
    expect(snapshot.ok && snapshot.value.friends.map((f) => f.uin)).toEqual([10002, 10003])
  })

  it('needs a password for anyone else, and reports a wrong one by its code', async () => {
    const { calls } = core()
    expect(await calls.login(request({ uin: 10009 }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(await calls.login(request({ uin: 10009, password: 'wrong' }))).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: '密码错误' }
    })
    const snapshot = await calls.getSnapshot()
    expect(snapshot).toMatchObject({
      ok: true,
      value: { me: null, session: { phase: 'offline', reason: 'WRONG_PASSWORD' } }
    })
  })

  it('remembers a password through the SecretBox and logs in with it next time', async () => {
    const dataDir = tempDir()
    const first = core(BOX, dataDir)
    await first.calls.login(
      request({ uin: 10009, password: 'hunter2', rememberPassword: true, server: '127.0.0.1:9' })
    )
    await first.calls.logout()
    const second = core(BOX, dataDir)
    const options = await second.calls.getLoginOptions()
    expect(options).toMatchObject({
      ok: true,
      value: {
        server: '127.0.0.1:9',
        embedded: false,
        demoAccounts: [],
        savedAccounts: [{ uin: 10009, rememberPassword: true }]
      }
    })
    expect(await second.calls.login(request({ uin: 10009 }))).toMatchObject({ ok: true })
    expect(second.transport.of('Login')).toEqual([
      { cmd: 'Login', passwordMd5: passwordMd5('hunter2'), wantsKey: true }
    ])
  })

  it('offers the automatic login only on a fresh start, never after a login or logout', async () => {
    const dataDir = tempDir()
    const autoLoginUin = async (calls: ClientCore['calls']) => {
      const options = await calls.getLoginOptions()
      return options.ok ? options.value.autoLoginUin : 'failed'
    }
    const remembered = { uin: 10009, password: 'hunter2', rememberPassword: true }
    const first = core(BOX, dataDir)
    await first.calls.login(request({ ...remembered, autoLogin: true }))
    // This run has seen a login: a lost session or a logout must not log straight back in.
    expect(await autoLoginUin(first.calls)).toBeNull()
    await first.calls.logout()
    expect(await autoLoginUin(first.calls)).toBeNull()

    const restarted = core(BOX, dataDir)
    expect(await autoLoginUin(restarted.calls)).toBe(10009)
    await restarted.calls.logout()
    expect(await autoLoginUin(restarted.calls)).toBeNull()
    // Without a password that can be opened there is nothing to log in with.
    expect(await autoLoginUin(core(NO_SECRETS, dataDir).calls)).toBeNull()

    // The last account used decides: one without automatic login turns it off.
    const other = core(BOX, dataDir)
    await other.calls.login(request({ ...remembered, uin: 10008 }))
    expect(await autoLoginUin(core(BOX, dataDir).calls)).toBeNull()
  })

  it('everything that needs an account says OFFLINE before a login', async () => {
    const { calls } = core()
    for (const result of [
      await calls.sendMessage(10002, 'hi'),
      await calls.getHistory(10002, null, 20),
      await calls.createGroup('x'),
      await calls.getProfile(10002, false),
      await calls.setStatus(30)
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } })
    }
  })

  it('keeps local groups, remarks and unread counts, and tells every window', async () => {
    const { calls, events } = core()
    await calls.login(request())
    const group = await calls.createGroup(' 同学 ')
    if (!group.ok) throw new Error('no group')
    expect(group.value.name).toBe('同学')
    expect(await calls.moveFriend(10002, group.value.id)).toEqual({ ok: true, value: null })
    expect(await calls.setRemark(10002, '老同学')).toEqual({ ok: true, value: null })
    expect(await calls.moveFriend(10002, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await calls.moveFriend(12345, group.value.id)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await calls.deleteGroup('friends')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    const last = events.filter((e) => e.type === 'friends').at(-1)
    expect(last).toMatchObject({
      friends: [
        { uin: 10002, groupId: group.value.id },
        { uin: 10003, groupId: 'friends' }
      ],
      groups: [{ id: 'friends', name: '我的好友' }, group.value]
    })
    // A remark is that friend's change alone, after the list that has the move.
    expect(events.at(-1)).toEqual({
      type: 'friend-updated',
      uin: 10002,
      changes: { remark: '老同学' }
    })
    expect(await calls.deleteGroup(group.value.id)).toEqual({ ok: true, value: null })
    const snapshot = await calls.getSnapshot()
    expect(snapshot.ok && snapshot.value.friends[0]).toMatchObject({
      uin: 10002,
      groupId: 'friends',
      remark: '老同学'
    })
  })

  it('changes settings, keeps them, and tells every window', async () => {
    const dataDir = tempDir()
    const { calls, events } = core(NO_SECRETS, dataDir)
    expect(await calls.updateSettings({ theme: 'dark', pollIntervalMs: 5_000 })).toMatchObject({
      ok: true,
      value: { theme: 'dark', pollIntervalMs: 5_000 }
    })
    expect(events.at(-1)).toMatchObject({ type: 'settings', settings: { theme: 'dark' } })
    expect(await calls.updateSettings({ theme: 'neon' } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(await core(NO_SECRETS, dataDir).calls.getSettings()).toMatchObject({
      ok: true,
      value: { theme: 'dark' }
    })
  })

  it('going offline keeps the account and its list; any other status logs in again', async () => {
    const { calls, transport } = core()
    await calls.login(request())
    expect(await calls.setStatus(20)).toEqual({ ok: true, value: null })
    const offline = await calls.getSnapshot()
    expect(offline).toMatchObject({
      ok: true,
      value: { session: { phase: 'offline' }, me: { uin: 10001 } }
    })
    expect(offline.ok && offline.value.friends).toHaveLength(2)
    expect(transport.of('Logout')).toHaveLength(1)
    expect(await calls.setStatus(30)).toEqual({ ok: true, value: null })
    expect(transport.of('Login')).toHaveLength(2)
    expect(transport.of('Change_Stat').at(-1)).toEqual({ cmd: 'Change_Stat', status: 30 })
    expect(await calls.getSnapshot()).toMatchObject({
      ok: true,
      value: { session: { phase: 'online', status: 30 } }
    })
  })

  it('a status chosen too soon waits its turn, shown in the snapshot; logging out drops it', async () => {
    const { calls, transport } = core()
    await calls.login(request())
    expect(await calls.setStatus(30)).toEqual({ ok: true, value: null })
    const invisible = calls.setStatus(40)
    const snapshot = await calls.getSnapshot()
    expect(snapshot.ok && snapshot.value.pacing.status?.status).toBe(40)
    expect(await calls.logout()).toEqual({ ok: true, value: null })
    expect(await invisible).toEqual({ ok: true, value: null })
    expect(transport.of('Change_Stat')).toEqual([{ cmd: 'Change_Stat', status: 30 }])
  })

  it('takes logins one at a time: the second waits, then replaces the first', async () => {
    const { calls, transport } = core()
    const [first, second] = await Promise.all([
      calls.login(request({ uin: 10008, password: 'a', server: '127.0.0.1:9' })),
      calls.login(request({ uin: 10009, password: 'b', server: '127.0.0.1:9' }))
    ])
    expect(first).toMatchObject({ ok: true, value: { uin: 10008 } })
    expect(second).toMatchObject({ ok: true, value: { uin: 10009 } })
    expect(
      transport.sent
        .filter((s) => s.request.cmd === 'Login' || s.request.cmd === 'Logout')
        .map((s) => [s.request.cmd, s.uin])
    ).toEqual([
      ['Login', 10008],
      ['Logout', 10008],
      ['Login', 10009]
    ])
    expect(await calls.getSnapshot()).toMatchObject({
      ok: true,
      value: { me: { uin: 10009 }, session: { phase: 'online', uin: 10009 } }
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
    expect(await calls.addFriend(10007, '我是谁')).toEqual({ ok: true, value: 'verification-sent' })
    const asks = transport.sent.filter((s) => s.request.cmd === 'Ack_AddToList')
    expect(asks.map((s) => s.request)).toEqual(
      Array(2).fill({ cmd: 'Ack_AddToList', target: 10007, kind: 2, reason: '我是谁' })
    )
    expect((asks[1]?.at ?? 0) - (asks[0]?.at ?? 0)).toBeGreaterThanOrEqual(PENALTY_MS)
  })
})
