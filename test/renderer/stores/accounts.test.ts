// @vitest-environment node
/**
 * Two accounts signed in on one core, each with windows of its own: a window acts for its
 * own account only, hears only its account's events (and the app's), and closes when its
 * account does; a window left of a closed account cannot send.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useChatStore } from '../../../src/renderer/src/stores/chat.ts'
import { useFriendsStore } from '../../../src/renderer/src/stores/friends.ts'
import { useLoginStore } from '../../../src/renderer/src/stores/login.ts'
import { useSessionStore } from '../../../src/renderer/src/stores/session.ts'
import { useWindowsStore } from '../../../src/renderer/src/stores/windows.ts'
import { syncWindow } from '../../../src/renderer/src/stores/sync.ts'
import type { AccountId } from '../../../src/shared/account-id.ts'
import type { WindowRoute } from '../../../src/shared/routes.ts'
import {
  createClientCore,
  createFileSettingsStore,
  NO_SECRETS,
  type ClientCore
} from '../../../src/core/index.ts'
import { actAs, appBridge, startWorld, type AppBridge, type World } from './world.ts'

const ALICE = 21001
const BOB = 21002
let world: World
let folder: string
let core: ClientCore
const signedIn = new Map<number, AccountId>()

beforeAll(async () => {
  world = await startWorld({
    accounts: [
      { uin: ALICE, password: 'alice', nick: 'Alice', face: 3, friends: [BOB] },
      { uin: BOB, password: 'bob', nick: 'Bob', face: 27, friends: [ALICE] }
    ]
  })
  folder = mkdtempSync(join(tmpdir(), 'qq-accounts-'))
  core = createClientCore({
    dataDir: folder,
    settings: createFileSettingsStore(join(folder, 'settings.json')),
    secrets: NO_SECRETS,
    timing: { penaltyMs: 250, messageWindowMs: 50, statusWindowMs: 30 }
  })
  for (const [uin, password] of [
    [ALICE, 'alice'],
    [BOB, 'bob']
  ] as const) {
    const result = await core.calls.login({
      uin,
      password,
      status: 10,
      rememberPassword: false,
      autoLogin: false,
      server: world.server.address
    })
    if (!result.ok) throw new Error(`login ${uin}: ${result.error.code}`)
    await core.whenSynced(result.value.account)
    signedIn.set(uin, result.value.account)
  }
})
afterAll(async () => {
  await core?.stop()
  await world?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

const account = (uin: number): AccountId => {
  const found = signedIn.get(uin)
  if (found === undefined) throw new Error(`${uin} is not signed in`)
  return found
}

/** A fresh window of this app: its own Pinia, route and `window.qq`, synced. */
async function openWindow(route: WindowRoute): Promise<{ stop: () => void; qq: AppBridge }> {
  setActivePinia(createPinia())
  const qq = appBridge(core, folder)
  actAs(qq, route.kind === 'login' ? null : route.account, route)
  const { error, stop } = await syncWindow()
  expect(error).toBeNull()
  return { stop, qq }
}

describe('windows of two accounts on one core', () => {
  it('each shows its own account, and acts for it only', async () => {
    const alice = await openWindow({ kind: 'chat', account: account(ALICE), uin: BOB })
    const aliceSession = useSessionStore()
    const aliceChat = useChatStore()
    const aliceWindows = useWindowsStore()
    await aliceChat.open(BOB)

    const bob = await openWindow({ kind: 'chat', account: account(BOB), uin: ALICE })
    const bobSession = useSessionStore()
    const bobChat = useChatStore()
    await bobChat.open(ALICE)
    expect(aliceSession.me?.uin).toBe(ALICE)
    expect(bobSession.me?.uin).toBe(BOB)

    // Alice's window sends as Alice: Bob's window receives it from her.
    expect(await aliceChat.send('hello from Alice')).toBe(true)
    await expect
      .poll(() => bobChat.lastIncoming, { timeout: 10_000 })
      .toMatchObject({ peer: ALICE, direction: 'in', text: 'hello from Alice' })
    expect(await bobChat.send('hello from Bob')).toBe(true)
    await expect
      .poll(() => aliceChat.lastIncoming, { timeout: 10_000 })
      .toMatchObject({ peer: BOB, direction: 'in', text: 'hello from Bob' })
    // Neither window saw the other account's side of it as its own.
    expect(aliceChat.messages.map((message) => [message.direction, message.text])).toEqual([
      ['out', 'hello from Alice'],
      ['in', 'hello from Bob']
    ])
    expect(bobChat.messages.map((message) => [message.direction, message.text])).toEqual([
      ['in', 'hello from Alice'],
      ['out', 'hello from Bob']
    ])

    // The windows Alice's window opens are Alice's.
    expect(await aliceWindows.openProfile(BOB)).toBe(true)
    expect(alice.qq.opened).toEqual([{ kind: 'profile', account: account(ALICE), uin: BOB }])
    alice.stop()
    bob.stop()
  })

  it('closes the windows of an account that logs out, and only those', async () => {
    const login = await openWindow({ kind: 'login' })
    const loginStore = useLoginStore()
    await loginStore.loadOptions()
    expect(loginStore.signedIn.map((one) => one.me.uin)).toEqual([ALICE, BOB])

    const alice = await openWindow({ kind: 'buddies', account: account(ALICE) })
    const aliceFriends = useFriendsStore()
    const bob = await openWindow({ kind: 'chat', account: account(BOB), uin: ALICE })
    const bobSession = useSessionStore()
    const bobChat = useChatStore()
    await bobChat.open(ALICE)

    expect(await bobSession.logout()).toBe(true)
    await expect.poll(() => bob.qq.closed.count, { timeout: 10_000 }).toBe(1)
    // The login window hears the change; Alice's list still follows Bob's presence.
    await expect
      .poll(() => loginStore.signedIn.map((one) => one.me.uin), { timeout: 10_000 })
      .toEqual([ALICE])
    await expect.poll(() => aliceFriends.byUin.get(BOB)?.status, { timeout: 10_000 }).toBe(20)

    // Bob's window, left behind, cannot send: its account is not signed in.
    expect(await bobChat.send('still here?')).toBe(false)
    expect(bobChat.error?.code).toBe('NOT_LOGGED_IN')
    expect([login.qq.closed.count, alice.qq.closed.count]).toEqual([0, 0])
    login.stop()
    alice.stop()
    bob.stop()
  })

  it('gives the login window no account to act for', async () => {
    const login = await openWindow({ kind: 'login' })
    const session = useSessionStore()
    expect(await session.setStatus(30)).toBe(false)
    expect(session.error?.code).toBe('NOT_LOGGED_IN')
    expect(await useWindowsStore().openChat(ALICE)).toBe(false)
    login.stop()
  })
})
