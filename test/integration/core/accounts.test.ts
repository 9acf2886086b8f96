/**
 * Issue 13: one core with several accounts at once, against real servers over TCP. Each
 * account has its own session, list, history and settings; a call for an account that is
 * not signed in fails, never acting as another.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { serverKey } from '../../../src/core/server-address.ts'
import { accountDir } from '../../../src/core/store/account-db.ts'
import { openAccountStore } from '../../../src/core/store/account-store.ts'
import type { RunningServer } from '../../../src/server/index.ts'
import { BUILT_IN_SERVER } from '../../../src/shared/account-id.ts'
import { STATUS } from '../../../src/shared/protocol/index.ts'
import {
  ALICE,
  BOB,
  CAROL,
  PASSWORD,
  SEED,
  tempDir,
  TestClient,
  testServer,
  valueOf
} from './harness.ts'

const servers: RunningServer[] = []
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop()
  for (const server of servers.splice(0)) await server.close()
})

async function server(): Promise<RunningServer> {
  const started = await testServer()
  servers.push(started)
  return started
}

function client(dataDir?: string): TestClient {
  const created = new TestClient({}, dataDir)
  clients.push(created)
  return created
}

describe('one core, several accounts', () => {
  it('two accounts on one server chat with each other and a third client, and see each other online', async () => {
    const qq = await server()
    const core = client()
    const alice = await core.signIn(qq, ALICE)
    const bob = await core.signIn(qq, BOB)
    const carol = await client().login(qq, CAROL)

    // Each account's list shows the other online.
    await core.waitFor(
      (e) => (e.type === 'presence' && e.uin === BOB && e.status === STATUS.ONLINE ? e : undefined),
      10_000,
      'Bob online in Alice’s list',
      alice
    )
    valueOf(await core.calls.setStatus(bob, STATUS.BUSY))
    await core.waitFor(
      (e) => (e.type === 'presence' && e.uin === BOB && e.status === STATUS.BUSY ? e : undefined),
      10_000,
      'Bob busy in Alice’s list',
      alice
    )
    expect(core.shownFriends(bob).find((f) => f.uin === ALICE)?.status).toBe(STATUS.ONLINE)

    valueOf(await core.calls.sendMessage(alice, BOB, 'from Alice to Bob, same app'))
    valueOf(await core.calls.sendMessage(bob, ALICE, 'and back'))
    valueOf(await carol.calls.sendMessage(carol.account, ALICE, 'Carol to Alice'))
    valueOf(await carol.calls.sendMessage(carol.account, BOB, 'Carol to Bob'))
    valueOf(await core.calls.sendMessage(alice, CAROL, 'Alice to Carol'))

    expect(await core.waitForTexts(ALICE, 1, 10_000, bob)).toEqual(['from Alice to Bob, same app'])
    expect(await core.waitForTexts(BOB, 1, 10_000, alice)).toEqual(['and back'])
    expect(await core.waitForTexts(CAROL, 1, 10_000, alice)).toEqual(['Carol to Alice'])
    expect(await core.waitForTexts(CAROL, 1, 10_000, bob)).toEqual(['Carol to Bob'])
    expect(await carol.waitForTexts(ALICE, 1)).toEqual(['Alice to Carol'])
    // Each message went to the account it was for, and only there.
    expect(core.received(CAROL, alice)).toEqual(['Carol to Alice'])
    expect(core.received(CAROL, bob)).toEqual(['Carol to Bob'])

    // Each account keeps its own side of the conversation.
    const texts = async (account: string, peer: number) =>
      valueOf(await core.calls.getHistory(account, peer, null, 10)).map((m) => [
        m.direction,
        m.text
      ])
    await core.waitFor(
      (e) => (e.type === 'message-state' && e.message.state === 'sent' ? e : undefined),
      10_000,
      'Alice’s message sent',
      alice
    )
    expect(await texts(bob, ALICE)).toEqual([
      ['in', 'from Alice to Bob, same app'],
      ['out', 'and back']
    ])
    expect(await texts(alice, CAROL)).toEqual([
      ['in', 'Carol to Alice'],
      ['out', 'Alice to Carol']
    ])
  })

  it('one logs out while the other keeps receiving; the one out is NOT_LOGGED_IN', async () => {
    const qq = await server()
    const core = client()
    const alice = await core.signIn(qq, ALICE)
    const bob = await core.signIn(qq, BOB)
    const carol = await client().login(qq, CAROL)

    valueOf(await core.calls.logout(alice))
    expect(core.eventsOf(alice).at(-1)).toEqual({ type: 'account-closed' })
    expect(core.eventsOf(null).at(-1)).toEqual({
      type: 'accounts',
      accounts: [
        expect.objectContaining({ account: bob, me: expect.objectContaining({ uin: BOB }) })
      ]
    })
    // Bob's list sees Alice go.
    await core.waitFor(
      (e) =>
        e.type === 'presence' && e.uin === ALICE && e.status === STATUS.OFFLINE ? e : undefined,
      10_000,
      'Alice offline in Bob’s list',
      bob
    )

    valueOf(await carol.calls.sendMessage(carol.account, BOB, 'still there, Bob?'))
    expect(await core.waitForTexts(CAROL, 1, 10_000, bob)).toEqual(['still there, Bob?'])

    // A stale window of Alice's cannot act: nothing is sent, as her or as Bob.
    for (const result of [
      await core.calls.sendMessage(alice, CAROL, 'from a closed window'),
      await core.calls.getSnapshot(alice),
      await core.calls.getHistory(alice, CAROL, null, 10),
      await core.calls.setStatus(alice, STATUS.ONLINE)
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } })
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(carol.received(ALICE)).toEqual([])
    expect(carol.received(BOB)).toEqual([])
  })

  it('closes an account the server signs out for good, says why, and keeps the other', async () => {
    const first = await server()
    const { port } = first
    const core = client()
    const alice = await core.signIn(first, ALICE)
    const bob = await core.signIn(first, BOB)
    // The server comes back without the sessions, and with Bob's password changed: Alice's
    // one re-login works, Bob's is refused.
    await first.close()
    servers.splice(servers.indexOf(first), 1)
    const seed = {
      ...SEED,
      accounts: SEED.accounts.map((account) =>
        account.uin === BOB ? { ...account, password: 'changed elsewhere' } : account
      )
    }
    const again = await testServer({ port, seed })
    servers.push(again)
    const carol = await client().login(again, CAROL)
    // Carol's message wakes both: each finds its session gone (RES=20) and logs in again.
    valueOf(await carol.calls.sendMessage(carol.account, ALICE, 'after the restart'))
    valueOf(await carol.calls.sendMessage(carol.account, BOB, 'after the restart'))

    const closed = await core.waitFor(
      (e) => (e.type === 'account-closed' ? e : undefined),
      20_000,
      'Bob closed',
      bob
    )
    expect(closed).toEqual({ type: 'account-closed', reason: 'WRONG_PASSWORD' })
    const options = valueOf(await core.calls.getLoginOptions())
    expect(options.lost).toEqual({
      account: bob,
      uin: BOB,
      server: expect.any(String),
      reason: 'WRONG_PASSWORD'
    })
    expect(options.signedIn.map((each) => each.account)).toEqual([alice])
    expect(await core.calls.getSnapshot(bob)).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' }
    })
    expect(await core.waitForTexts(CAROL, 1, 20_000, alice)).toEqual(['after the restart'])

    // Logging in again (with the new password) is a new start: the login window says nothing.
    await core.signIn(again, BOB, { password: 'changed elsewhere' })
    expect(valueOf(await core.calls.getLoginOptions()).lost).toBeUndefined()
  })

  it('keeps why an automatic login at start was refused for the login window, until that number is in', async () => {
    const qq = await server()
    const core = client()
    const alice = await core.signIn(qq, ALICE)
    const refused = await core.calls.login({
      uin: BOB,
      password: 'not it',
      status: 10,
      rememberPassword: true,
      autoLogin: true,
      server: qq.address,
      automatic: true
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } })
    const options = valueOf(await core.calls.getLoginOptions())
    expect(options.lost).toEqual({
      account: expect.stringMatching(/^10002@/),
      uin: BOB,
      server: qq.address,
      reason: 'WRONG_PASSWORD',
      automatic: true
    })
    expect(options.signedIn.map((each) => each.account)).toEqual([alice])
    // Logged in by the person, that number is in, and the window has nothing more to say.
    await core.signIn(qq, BOB)
    expect(valueOf(await core.calls.getLoginOptions()).lost).toBeUndefined()
  })

  it('keeps nothing of a refused login someone typed: the window showed it as it happened', async () => {
    const qq = await server()
    const core = client()
    const refused = await core.calls.login({
      uin: BOB,
      password: 'not it',
      status: 10,
      rememberPassword: false,
      autoLogin: false,
      server: qq.address
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } })
    expect(valueOf(await core.calls.getLoginOptions()).lost).toBeUndefined()
  })

  it('refuses the same number twice on a server with ALREADY_SIGNED_IN', async () => {
    const qq = await server()
    const core = client()
    const alice = await core.signIn(qq, ALICE)
    const again = await core.calls.login({
      uin: ALICE,
      password: PASSWORD,
      status: STATUS.ONLINE,
      rememberPassword: false,
      autoLogin: false,
      server: `http://${qq.address}/`
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SIGNED_IN' } })
    // The account signed in is untouched by the refusal.
    expect(valueOf(await core.calls.getSnapshot(alice)).session.phase).toBe('online')
    expect(core.transport.of('Login')).toHaveLength(1)
  })

  it('signs the same number in on two servers at once, with two histories', async () => {
    const [one, two] = [await server(), await server()]
    const core = client()
    const onOne = await core.signIn(one, ALICE)
    const onTwo = await core.signIn(two, ALICE)
    expect(onOne).not.toBe(onTwo)
    const bobOnOne = await client().login(one, BOB)
    const bobOnTwo = await client().login(two, BOB)

    valueOf(await bobOnOne.calls.sendMessage(bobOnOne.account, ALICE, 'on server one'))
    valueOf(await bobOnTwo.calls.sendMessage(bobOnTwo.account, ALICE, 'on server two'))
    expect(await core.waitForTexts(BOB, 1, 10_000, onOne)).toEqual(['on server one'])
    expect(await core.waitForTexts(BOB, 1, 10_000, onTwo)).toEqual(['on server two'])

    const history = async (account: string) =>
      valueOf(await core.calls.getHistory(account, BOB, null, 10)).map((m) => m.text)
    expect(await history(onOne)).toEqual(['on server one'])
    expect(await history(onTwo)).toEqual(['on server two'])
    for (const qq of [one, two]) {
      const file = join(accountDir(core.dataDir, serverKey(qq.address), ALICE), 'history.sqlite')
      expect(existsSync(file)).toBe(true)
    }
  })
})

describe('a profile of the time of one account', () => {
  /** Writes `uin`'s history with `peer` where a profile of before kept it: accounts/<uin>. */
  function oldProfile(dataDir: string, uin: number, peer: number, text: string): void {
    const store = openAccountStore(dataDir, 'made-the-old-way', uin)
    store.messages.addReceived({ peer, text, time: Date.now() - 60_000, source: undefined })
    store.close()
    renameSync(accountDir(dataDir, 'made-the-old-way', uin), join(dataDir, 'accounts', String(uin)))
    rmSync(join(dataDir, 'accounts', 'made-the-old-way'), { recursive: true })
  }

  it('keeps history and settings: they appear under their (server, number)', async () => {
    const qq = await server()
    const dataDir = tempDir('qq-old-profile-')
    oldProfile(dataDir, ALICE, BOB, 'said before the update')
    oldProfile(dataDir, CAROL, BOB, 'Carol’s, on the same server')
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({
        settings: { server: qq.address, theme: 'dark', sendKey: 'ctrl-enter', sounds: false }
      })
    )
    const core = client(dataDir)
    await core.login(qq, ALICE)

    expect(valueOf(await core.calls.getHistory(core.account, BOB, null, 10))).toMatchObject([
      { direction: 'in', text: 'said before the update' }
    ])
    expect(valueOf(await core.calls.getSettings(core.account))).toMatchObject({
      theme: 'dark',
      sendKey: 'ctrl-enter',
      sounds: false
    })
    expect(existsSync(join(dataDir, 'accounts', String(ALICE)))).toBe(false)
    expect(existsSync(accountDir(dataDir, serverKey(qq.address), CAROL))).toBe(true)
  })

  it('files a profile that used the built-in server under it', () => {
    const dataDir = tempDir('qq-old-profile-')
    oldProfile(dataDir, ALICE, BOB, 'on the built-in server')
    mkdirSync(join(dataDir, 'accounts', 'not-a-number'))
    client(dataDir)
    const file = join(accountDir(dataDir, BUILT_IN_SERVER, ALICE), 'history.sqlite')
    expect(existsSync(file)).toBe(true)
    // Anything that is not a number's folder is left alone.
    expect(existsSync(join(dataDir, 'accounts', 'not-a-number'))).toBe(true)
  })
})
