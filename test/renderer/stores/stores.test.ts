// @vitest-environment node
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { useChatStore } from '../../../src/renderer/src/stores/chat.ts'
import { useFriendsStore } from '../../../src/renderer/src/stores/friends.ts'
import { useHistoryStore } from '../../../src/renderer/src/stores/history.ts'
import { useLoginStore } from '../../../src/renderer/src/stores/login.ts'
import { useProfileStore } from '../../../src/renderer/src/stores/profile.ts'
import { useSessionStore } from '../../../src/renderer/src/stores/session.ts'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings.ts'
import { useSystemStore } from '../../../src/renderer/src/stores/system.ts'
import { syncWindow } from '../../../src/renderer/src/stores/sync.ts'
import { DEFAULT_GROUP_ID } from '../../../src/shared/model.ts'
import { actAs, startWorld, type World } from './world.ts'

const ALICE = 20001
const BOB = 20002
const CAROL = 20003
let world: World

beforeAll(async () => {
  world = await startWorld({
    accounts: [
      { uin: ALICE, password: 'alice', nick: 'Alice', face: 3, friends: [BOB] },
      {
        uin: BOB,
        password: 'bob',
        nick: 'Bob',
        face: 27,
        friends: [ALICE],
        profile: { SX: '0', BT: '4', CO: '1', SH: '12', AG: '30', CY: '中国' }
      },
      { uin: CAROL, password: 'carol', nick: 'Carol', policy: 1 }
    ]
  })
  await world.person(ALICE).login()
})
afterAll(() => world?.close())

/** A fresh window of `uin`'s app: its own Pinia, synced from the snapshot. */
async function openWindowOf(uin: number): Promise<() => void> {
  setActivePinia(createPinia())
  const person = world.person(uin)
  actAs(person.bridge, person.account)
  const { error, stop } = await syncWindow()
  expect(error).toBeNull()
  return stop
}

describe('a window’s stores, on the real core and server', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('start from the snapshot and follow presence events', async () => {
    const stop = await openWindowOf(ALICE)
    const friends = useFriendsStore()
    expect(useSessionStore().me).toMatchObject({ uin: ALICE, nick: 'Alice', face: 3 })
    expect(friends.byUin.get(BOB)).toMatchObject({ nick: 'Bob', face: 27, status: 20 })

    await world.person(BOB).login(30)
    await expect.poll(() => friends.byUin.get(BOB)?.status, { timeout: 10_000 }).toBe(30)
    // The core recorded Bob coming online: a system message, but not a request to answer.
    const system = useSystemStore()
    expect(system.messages).toMatchObject([{ kind: 'online', from: BOB, text: '' }])
    expect(system.waiting).toBe(0)
    stop()

    // Another window (the system messages) has it from the snapshot.
    const again = await openWindowOf(ALICE)
    expect(useSystemStore().newestFirst).toMatchObject([{ kind: 'online', from: BOB }])
    again()
  })

  it('keep remarks and groups in the core: a new window sees them', async () => {
    const stop = await openWindowOf(ALICE)
    const friends = useFriendsStore()
    expect((await friends.setRemark(BOB, 'Bobby')).ok).toBe(true)
    const created = await friends.createGroup('同学')
    if (!created.ok) throw new Error(created.error.code)
    expect((await friends.move(BOB, created.value.id)).ok).toBe(true)
    expect((await friends.renameGroup(created.value.id, '老同学')).ok).toBe(true)
    stop()

    const again = await openWindowOf(ALICE)
    const seen = useFriendsStore()
    expect(seen.byUin.get(BOB)).toMatchObject({ remark: 'Bobby', groupId: created.value.id })
    expect(seen.groups).toContainEqual({ id: created.value.id, name: '老同学' })
    expect((await seen.deleteGroup(created.value.id)).ok).toBe(true)
    expect(seen.byUin.get(BOB)?.groupId).toBe(DEFAULT_GROUP_ID)
    again()
  })

  it('follow unread counts and remarks made elsewhere, one friend at a time', async () => {
    await world.person(BOB).login()
    const stop = await openWindowOf(ALICE)
    const friends = useFriendsStore()
    const core = world.person(ALICE).core.calls
    const alice = world.person(ALICE).account
    expect((await core.markRead(alice, BOB)).ok).toBe(true)
    await expect.poll(() => friends.byUin.get(BOB)?.unread, { timeout: 10_000 }).toBe(0)

    const bob = world.person(BOB)
    expect((await bob.core.calls.sendMessage(bob.account, ALICE, 'count me')).ok).toBe(true)
    await expect.poll(() => friends.byUin.get(BOB)?.unread, { timeout: 10_000 }).toBe(1)
    expect(friends.unreadTotal).toBe(1)
    expect((await core.setRemark(alice, BOB, 'Bob from work')).ok).toBe(true)
    expect((await core.markRead(alice, BOB)).ok).toBe(true)
    await expect
      .poll(() => friends.byUin.get(BOB), { timeout: 10_000 })
      .toMatchObject({ remark: 'Bob from work', unread: 0 })
    expect((await core.setRemark(alice, BOB, '')).ok).toBe(true)
    stop()
  })

  it('send, receive and page through a conversation', async () => {
    await world.person(BOB).login()
    const stop = await openWindowOf(ALICE)
    const chat = useChatStore()
    await chat.open(BOB)
    const before = chat.messages.length

    expect(await chat.send('hello Bob /wx')).toBe(true)
    expect(chat.messages.at(-1)).toMatchObject({ direction: 'out', text: 'hello Bob /wx' })
    await expect.poll(() => chat.messages.at(-1)?.state, { timeout: 10_000 }).toBe('sent')

    const bob = world.person(BOB)
    expect((await bob.core.calls.sendMessage(bob.account, ALICE, 'hi Alice')).ok).toBe(true)
    await expect.poll(() => chat.lastIncoming?.text, { timeout: 10_000 }).toBe('hi Alice')
    expect(chat.messages.map((message) => message.text).slice(before)).toEqual([
      'hello Bob /wx',
      'hi Alice'
    ])
    stop()

    // 45 more: the first page holds 40, the next one the rest, in order, without repeats.
    const alice = world.person(ALICE)
    for (let i = 0; i < 45; i++) await alice.core.calls.sendMessage(alice.account, BOB, `n${i}`)
    const paged = await openWindowOf(ALICE)
    const reopened = useChatStore()
    await reopened.open(BOB)
    expect(reopened.messages).toHaveLength(40)
    expect(reopened.messages.at(-1)?.text).toBe('n44')
    expect(reopened.hasOlder).toBe(true)
    await reopened.loadOlder()
    expect(reopened.messages).toHaveLength(47 + before)
    expect(new Set(reopened.messages.map((message) => message.id)).size).toBe(
      reopened.messages.length
    )
    expect(reopened.messages.slice(before, before + 2).map((message) => message.text)).toEqual([
      'hello Bob /wx',
      'hi Alice'
    ])
    paged()
  })

  it('browse, search and export the history', async () => {
    const stop = await openWindowOf(ALICE)
    const history = useHistoryStore()
    await history.browse(BOB)
    expect(history.messages.length).toBeGreaterThanOrEqual(47)
    expect(history.messages[0]?.text).toBe('n44')
    const withBob = history.messages.map((message) => message.id)
    // Everyone's: Bob is the only one Alice has talked to, so the same lines, newest first.
    await history.browse(null)
    expect(history.peer).toBeNull()
    expect(history.messages.map((message) => message.id)).toEqual(withBob)
    expect(history.messages.map((message) => message.direction)).toContain('in')
    await history.search('n4')
    expect(history.searchedFor).toBe('n4')
    expect(history.messages.map((message) => message.text).sort()).toEqual(
      ['n4', 'n40', 'n41', 'n42', 'n43', 'n44'].sort()
    )
    await history.search('hello Bob')
    expect(history.messages.map((message) => message.text)).toEqual(['hello Bob /wx'])
    const text = await history.exportText()
    expect(text).toContain('hello Bob /wx')
    expect(text).toContain('hi Alice')
    stop()
  })

  it('carry a friend request to the other side and its answer back', async () => {
    await world.person(CAROL).login()
    const aliceWindow = await openWindowOf(ALICE)
    const aliceFriends = useFriendsStore()
    const carolWindow = await openWindowOf(CAROL)
    const carolSystem = useSystemStore()

    const alice = world.person(ALICE)
    const added = await alice.core.calls.addFriend(alice.account, CAROL, 'it is Alice')
    expect(added).toEqual({ ok: true, value: 'verification-sent' })
    await expect.poll(() => carolSystem.waiting, { timeout: 10_000 }).toBe(1)
    const request = carolSystem.newestFirst[0]
    expect(request).toMatchObject({ kind: 'request', from: ALICE, text: 'it is Alice' })
    if (!request) throw new Error('no request')
    expect(await carolSystem.answer(request, true, '')).toBe(true)
    expect(carolSystem.waiting).toBe(0)
    expect(carolSystem.newestFirst[0]?.answer).toBe('accepted')

    await expect.poll(() => aliceFriends.byUin.has(CAROL), { timeout: 10_000 }).toBe(true)
    aliceWindow()
    carolWindow()
  })

  it('load a full profile with its coded fields, and say why one cannot be had', async () => {
    const stop = await openWindowOf(ALICE)
    const profiles = useProfileStore()
    await profiles.load(BOB)
    expect(profiles.profiles.get(BOB)?.fields).toMatchObject({
      NK: 'Bob',
      SX: '0',
      BT: '4',
      CO: '1',
      SH: '12'
    })
    await profiles.load(99999)
    expect(profiles.errors.get(99999)?.code).toBe('INVALID_UIN')
    stop()
  })

  it('change my status and settings through the core', async () => {
    const stop = await openWindowOf(ALICE)
    const session = useSessionStore()
    expect(await session.setStatus(30)).toBe(true)
    await expect.poll(() => session.status).toBe(30)
    const settings = useSettingsStore()
    expect(await settings.update({ sendKey: 'ctrl-enter' })).toBe(true)
    expect(settings.settings?.sendKey).toBe('ctrl-enter')
    // At once: the core waits for the turn that D-19 allows (scaled down here).
    expect(await session.setStatus(10)).toBe(true)
    await expect.poll(() => session.status).toBe(10)
    stop()
  })

  it('keep the code of a refusal for the window to word', async () => {
    await world.person(BOB).login()
    const stop = await openWindowOf(BOB)
    const friends = useFriendsStore()
    // Removing someone who is not on the list is refused as a penalty (D-18).
    const result = await friends.remove(CAROL)
    expect(result.ok).toBe(false)
    expect(friends.error?.code).toBe('PENALTY')
    expect(friends.byUin.has(ALICE)).toBe(true)
    stop()
  })
  it('mark automatic answers on both sides of the conversation', async () => {
    const bob = world.person(BOB)
    await bob.login(30)
    expect(
      (
        await bob.core.calls.updateSettings(bob.account, {
          autoReply: { enabled: true, text: '开会中' }
        })
      ).ok
    ).toBe(true)
    const stop = await openWindowOf(ALICE)
    const chat = useChatStore()
    await chat.open(BOB)
    expect(await chat.send('are you there?')).toBe(true)
    await expect.poll(() => chat.lastIncoming?.text, { timeout: 10_000 }).toBe('[自动回复] 开会中')
    expect(chat.lastIncoming?.auto).toBe(true)
    expect(chat.messages.findLast((message) => message.direction === 'out')).toMatchObject({
      text: 'are you there?'
    })
    expect(chat.messages.findLast((message) => message.direction === 'out')?.auto).toBeUndefined()
    stop()

    const bobWindow = await openWindowOf(BOB)
    const bobChat = useChatStore()
    await bobChat.open(ALICE)
    expect(bobChat.messages.at(-1)).toMatchObject({ direction: 'out', auto: true })
    bobWindow()
  })
})

describe('the login window’s store', () => {
  it('words each refusal by its code and logs in', async () => {
    const carol = world.person(CAROL)
    await carol.core.calls.logout(carol.account)
    setActivePinia(createPinia())
    actAs(carol.bridge, null)
    const { error, stop } = await syncWindow()
    expect(error).toBeNull()
    const login = useLoginStore()
    const request = {
      uin: CAROL,
      password: 'wrong',
      status: 10 as const,
      rememberPassword: false,
      autoLogin: false,
      server: world.server.address
    }
    expect(await login.login(request)).toBeNull()
    expect(login.error?.code).toBe('WRONG_PASSWORD')
    expect(await login.login({ ...request, uin: 29999, password: 'x' })).toBeNull()
    expect(login.error?.code).toBe('INVALID_UIN')
    expect(await login.login({ ...request, server: '127.0.0.1:1' })).toBeNull()
    expect(login.error?.code).toBe('UNREACHABLE')
    expect(await login.login({ ...request, password: 'carol' })).toEqual({
      account: carol.account,
      server: world.server.address,
      me: { uin: CAROL, nick: 'Carol', face: 0 }
    })
    expect(login.error).toBeNull()
    // The window follows the accounts signed in (app-wide events reach the login window).
    await expect
      .poll(() => login.signedIn.map((signedIn) => signedIn.account))
      .toContain(carol.account)
    // The same number twice is refused, in words of its own.
    expect(await login.login({ ...request, password: 'carol' })).toBeNull()
    expect(login.error?.code).toBe('ALREADY_SIGNED_IN')
    stop()
  })
})
