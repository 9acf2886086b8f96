import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Timing } from '../../../src/core/index.ts'
import type { RunningServer } from '../../../src/server/index.ts'
import type { ChatMessage, Friend, SystemMessage } from '../../../src/shared/model.ts'
import {
  accountOn,
  ALICE,
  BOB,
  CAROL,
  CAROL_PROFILE,
  DAVE,
  EVE,
  PENALTY_SCALE,
  removeDir,
  tempDir,
  TestClient,
  testServer,
  until,
  valueOf
} from './harness.ts'

const friendsOf = (client: TestClient): readonly Friend[] | undefined => {
  const last = client.events.filter((e) => e.type === 'friends').at(-1)
  return last?.type === 'friends' ? last.friends : undefined
}

const systemMessage = (kind: SystemMessage['kind'], from: number) => (client: TestClient) =>
  client.waitFor(
    (e) =>
      e.type === 'system-message' && e.message.kind === kind && e.message.from === from
        ? e.message
        : undefined,
    10_000,
    `a ${kind} from ${from}`
  )

describe.each([
  { mode: 'long poll and acknowledged batches', classic: false },
  { mode: 'a classic server (--classic)', classic: true }
])('client core against the server: $mode', ({ classic }) => {
  let server: RunningServer
  const clients: TestClient[] = []

  const client = async (uin: number, status: 10 | 30 | 40 = 10, timing: Partial<Timing> = {}) => {
    // The shortest interval the settings allow, so classic polling keeps the test short.
    const created = new TestClient(timing, undefined, {
      [accountOn(server, uin)]: { pollIntervalMs: 500 }
    })
    clients.push(created)
    return created.login(server, uin, { status })
  }

  beforeEach(async () => {
    server = await testServer({ classic })
  })

  afterEach(async () => {
    for (const created of clients.splice(0)) await created.stop()
    await server.close()
  })

  it('two clients chat both ways, and each keeps the conversation', async () => {
    const alice = await client(ALICE)
    const bob = await client(BOB)
    const hostile = 'a&b=c,d 100% %26 <script>alert(1)</script>\n第二行 😀'
    valueOf(await alice.calls.sendMessage(alice.account, BOB, 'hi Bob, 你好'))
    valueOf(await alice.calls.sendMessage(alice.account, BOB, hostile))
    expect(await bob.waitForTexts(ALICE, 2)).toEqual(['hi Bob, 你好', hostile])
    valueOf(await bob.calls.sendMessage(bob.account, ALICE, 'hi Alice'))
    expect(await alice.waitForTexts(BOB, 1)).toEqual(['hi Alice'])

    await alice.waitFor((e) =>
      e.type === 'message-state' && e.message.text === hostile && e.message.state === 'sent'
        ? e
        : undefined
    )
    const aliceHistory = valueOf(await alice.calls.getHistory(alice.account, BOB, null, 10))
    expect(aliceHistory.map((m) => [m.direction, m.text, m.state])).toEqual([
      ['in', 'hi Alice', 'received'],
      ['out', hostile, 'sent'],
      ['out', 'hi Bob, 你好', 'sent']
    ])
    expect(
      valueOf(await bob.calls.searchHistory(bob.account, '你好', ALICE)).map((m) => m.text)
    ).toEqual(['hi Bob, 你好'])
    expect(bob.shownFriends().find((f) => f.uin === ALICE)?.unread).toBe(2)
    valueOf(await bob.calls.markRead(bob.account, ALICE))
    expect(bob.shownFriends().find((f) => f.uin === ALICE)?.unread).toBe(0)
    expect(valueOf(await bob.calls.exportHistory(bob.account, ALICE))).toContain('    hi Bob, 你好')
  })

  it('knows who is online at login, and follows presence changes as they happen', async () => {
    const bob = await client(BOB)
    const alice = await client(ALICE)
    await alice.core.whenSynced(alice.account)
    const snapshot = valueOf(await alice.calls.getSnapshot(alice.account))
    expect(snapshot.friends.map((f) => [f.uin, f.nick, f.face, f.status])).toEqual([
      [BOB, 'Bob', 6, 10],
      [CAROL, 'Carol', 9, 20]
    ])
    const changes = async (status: 10 | 20 | 30 | 40, seenAs: number) => {
      const from = alice.events.length
      valueOf(await bob.calls.setStatus(bob.account, status))
      await alice.waitFor(
        (e) =>
          e.type === 'presence' &&
          e.uin === BOB &&
          e.status === seenAs &&
          alice.events.indexOf(e) >= from
            ? e
            : undefined,
        10_000,
        `Bob seen at ${seenAs}`
      )
    }
    await changes(30, 30)
    await changes(40, 20) // invisible looks offline to others
    await changes(10, 10)
    await changes(20, 20) // offline: the session ends
    expect(
      valueOf(await alice.calls.getSnapshot(alice.account)).friends.find((f) => f.uin === BOB)
        ?.status
    ).toBe(20)
    await bob.login(server, BOB)
    const onlineNotices = () =>
      alice.events.flatMap((e) =>
        e.type === 'system-message' && e.message.kind === 'online' ? [e.message] : []
      )
    await until(() => onlineNotices().length >= 2, 'Bob coming online again')

    // Came online: from invisible (seen as offline) and logging in again; not at Alice's
    // login (her Query_Stat found Bob there), not from busy.
    const online = onlineNotices()
    expect(online.map(({ from, text }) => ({ from, text }))).toEqual([
      { from: BOB, text: '' },
      { from: BOB, text: '' }
    ])
    expect(valueOf(await alice.calls.getSnapshot(alice.account)).systemMessages).toEqual(online)
  })

  it('the whole verification flow: request, refusal with a reason, request again, acceptance', async () => {
    const alice = await client(ALICE)
    const eve = await client(EVE)
    expect(
      valueOf(await alice.calls.addFriend(alice.account, EVE, '我是 Alice, 加我 & 好吗?'))
    ).toBe('verification-sent')
    const request = await systemMessage('request', ALICE)(eve)
    expect(request.text).toBe('我是 Alice, 加我 & 好吗?')

    valueOf(await eve.calls.answerRequest(eve.account, ALICE, false, '不认识, sorry'))
    expect((await systemMessage('refused', EVE)(alice)).text).toBe('不认识, sorry')
    expect(eve.events).toContainEqual({
      type: 'system-message',
      message: { ...request, answer: 'refused' }
    })

    expect(valueOf(await alice.calls.addFriend(alice.account, EVE, 'again'))).toBe(
      'verification-sent'
    )
    await eve.waitFor((e) =>
      e.type === 'system-message' && e.message.text === 'again' ? e : undefined
    )
    valueOf(await eve.calls.answerRequest(eve.account, ALICE, true, ''))
    await systemMessage('accepted', EVE)(alice)
    await alice.waitFor((e) =>
      e.type === 'friends' && e.friends.some((f) => f.uin === EVE && f.nick === 'Eve')
        ? e
        : undefined
    )
    // Lists are one-way: Eve accepting puts her on Alice's list, not Alice on hers.
    expect(friendsOf(eve)?.some((f) => f.uin === ALICE)).toBe(false)

    expect(valueOf(await alice.calls.addFriend(alice.account, DAVE, 'hi'))).toBe('refused')
    expect(await alice.calls.addFriend(alice.account, 99999, 'hi')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_UIN' }
    })
    const eveFriends = friendsOf(eve)?.length ?? 0
    expect(valueOf(await eve.calls.addFriend(eve.account, BOB, ''))).toBe('added')
    await eve.waitFor((e) =>
      e.type === 'friends' && e.friends.length === eveFriends + 1 ? e : undefined
    )
    valueOf(await eve.calls.removeFriend(eve.account, BOB))
    expect(friendsOf(eve)?.some((f) => f.uin === BOB)).toBe(false)
  })

  it('shows a friend just added with their presence at once, not at the next refresh', async () => {
    await client(BOB)
    const carol = await client(CAROL, 30)
    const eve = await client(EVE)
    const presenceOf = (who: TestClient, uin: number) =>
      who.waitFor(
        (e) => (e.type === 'presence' && e.uin === uin ? e.status : undefined),
        // Far below the minute between periodic Query_Stats, which would bring it anyway.
        10_000,
        `the presence of ${uin}`
      )

    // Bob lets anyone add him (CD=0): online as soon as the addition is done.
    expect(valueOf(await eve.calls.addFriend(eve.account, BOB, ''))).toBe('added')
    const afterAdd = valueOf(await eve.calls.getSnapshot(eve.account)).friends.find(
      (f) => f.uin === BOB
    )
    expect(afterAdd).toMatchObject({ nick: 'Bob', face: 6, status: 10 })
    expect(await presenceOf(eve, BOB)).toBe(10)

    // Carol asks first: busy, as soon as her acceptance (MT=3) arrives.
    expect(valueOf(await eve.calls.addFriend(eve.account, CAROL, 'hi'))).toBe('verification-sent')
    await systemMessage('request', EVE)(carol)
    valueOf(await carol.calls.answerRequest(carol.account, EVE, true, ''))
    await systemMessage('accepted', CAROL)(eve)
    expect(await presenceOf(eve, CAROL)).toBe(30)
  })

  it('shows a profile card with every field, and keeps it for next time', async () => {
    const alice = await client(ALICE)
    const profile = valueOf(await alice.calls.getProfile(alice.account, CAROL, false))
    expect(profile.uin).toBe(CAROL)
    const keys =
      'AD AG BT CO CT CV CY EM FC HP ID JB LV MO MT MV PC PH PR PV RN SC SH SX UN NK'.split(' ')
    expect(Object.keys(profile.fields).sort()).toEqual([...keys].sort())
    expect(profile.fields).toMatchObject({
      ...CAROL_PROFILE,
      NK: 'Carol',
      FC: '9',
      UN: String(CAROL),
      LV: '3'
    })
    const fetched = alice.transport.of('GetInfo').length
    expect(valueOf(await alice.calls.getProfile(alice.account, CAROL, false))).toEqual(profile)
    expect(alice.transport.of('GetInfo')).toHaveLength(fetched)
    valueOf(await alice.calls.getProfile(alice.account, CAROL, true))
    expect(alice.transport.of('GetInfo')).toHaveLength(fetched + 1)
  })

  it('a message sent during a penalty is delivered after it, in order, nothing dropped', async () => {
    // A rate window six sends fall into on a busy machine too (1.25 s; the penalty is 5 s).
    const scale = 0.25
    const penaltyMs = 20_000 * scale
    await server.close()
    server = await testServer({ classic, penaltyScale: scale })
    // A client that does not know the server's limits, as with a server of 2005.
    const alice = await client(ALICE, 10, { messageWindowMs: 0, penaltyMs })
    const bob = await client(BOB)
    const texts = Array.from({ length: 9 }, (_, i) => `message ${i + 1}`)
    for (const text of texts) valueOf(await alice.calls.sendMessage(alice.account, BOB, text))
    expect(await bob.waitForTexts(ALICE, texts.length, 20_000)).toEqual(texts)
    const sends = alice.transport.of('CLTMSG')
    const refused = sends.findIndex((s) => s.outcome === 3)
    expect(refused).toBeGreaterThan(0)
    // The refused text went again, and no sooner than the penalty after its RES=3.
    const retry = sends[refused + 1]
    expect(retry?.request).toEqual(sends[refused]?.request)
    expect((retry?.sentAt ?? 0) - (sends[refused]?.repliedAt ?? 0)).toBeGreaterThanOrEqual(
      penaltyMs - 5
    )
    const states = valueOf(await alice.calls.getHistory(alice.account, BOB, null, 20)).map(
      (m: ChatMessage) => m.state
    )
    expect(states).toEqual(Array(texts.length).fill('sent'))
  })

  it('ten messages sent at once all arrive in order, and the server never penalises one', async () => {
    const alice = await client(ALICE)
    const bob = await client(BOB)
    const texts = Array.from({ length: 10 }, (_, i) => `快速消息 ${i + 1}`)
    await Promise.all(texts.map((text) => alice.calls.sendMessage(alice.account, BOB, text)))
    expect(await bob.waitForTexts(ALICE, texts.length)).toEqual(texts)
    const sends = alice.transport.of('CLTMSG')
    expect(sends.map((exchange) => exchange.outcome)).toEqual(Array(texts.length).fill(0))
    // Each went a whole window after the reply to the fifth before it (D-22, scaled).
    const gaps = sends.slice(5).map((send, i) => send.sentAt - (sends[i]?.repliedAt ?? 0))
    expect(gaps.every((gap) => gap >= 5_000 * PENALTY_SCALE)).toBe(true)
  })

  it('busy → invisible → online in quick succession ends online, with no penalty', async () => {
    const alice = await client(ALICE)
    const bob = await client(BOB)
    valueOf(await alice.calls.setStatus(alice.account, 30))
    const [invisible, online] = await Promise.all([
      alice.calls.setStatus(alice.account, 40),
      alice.calls.setStatus(alice.account, 10)
    ])
    valueOf(invisible)
    valueOf(online)
    const changes = alice.transport.of('Change_Stat')
    // Invisible was replaced while it waited its turn: it never went.
    expect(changes.map((c) => [c.request, c.outcome])).toEqual([
      [{ cmd: 'Change_Stat', status: 30 }, 0],
      [{ cmd: 'Change_Stat', status: 10 }, 0]
    ])
    expect(valueOf(await alice.calls.getSnapshot(alice.account)).session.status).toBe(10)
    await bob.waitFor(
      (e) => (e.type === 'presence' && e.uin === ALICE && e.status === 10 ? e : undefined),
      10_000,
      'Alice seen online again'
    )
  })

  it('splits a long message into several, in order, and keeps it one message here', async () => {
    const alice = await client(ALICE)
    const bob = await client(BOB)
    const long = '长消息'.repeat(600) // 5,400 bytes
    valueOf(await alice.calls.sendMessage(alice.account, BOB, long))
    const parts = await bob.waitForTexts(ALICE, 4)
    expect(parts.join('')).toBe(long)
    await alice.waitFor((e) =>
      e.type === 'message-state' && e.message.state === 'sent' ? e : undefined
    )
    expect(
      valueOf(await alice.calls.getHistory(alice.account, BOB, null, 10)).map((m) => m.text)
    ).toEqual([long])
  })

  it('answers automatically while busy, once per message, and never an automatic answer', async () => {
    const alice = await client(ALICE, 30)
    const bob = await client(BOB, 30)
    for (const busy of [alice, bob])
      valueOf(
        await busy.calls.updateSettings(busy.account, {
          autoReply: { enabled: true, text: '开会中' }
        })
      )
    valueOf(await alice.calls.sendMessage(alice.account, BOB, 'are you there?'))
    expect(await alice.waitForTexts(BOB, 1)).toEqual(['[自动回复] 开会中'])
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(bob.received(ALICE)).toEqual(['are you there?'])
    expect(alice.received(BOB)).toEqual(['[自动回复] 开会中'])
    // Both sides know it for an automatic answer.
    const auto = async (client: TestClient, uin: number) =>
      valueOf(await client.calls.getHistory(client.account, uin, null, 10)).map((m) => [
        m.direction,
        m.auto
      ])
    expect(await auto(alice, BOB)).toEqual([
      ['in', true],
      ['out', undefined]
    ])
    expect(await auto(bob, ALICE)).toEqual([
      ['out', true],
      ['in', undefined]
    ])
  })
})

describe.each([{ classic: false }, { classic: true }])(
  'after a server restart (classic: $classic)',
  ({ classic }) => {
    it('RES=20 leads to exactly one re-login, and messages flow again', async () => {
      const dataDir = tempDir('qq-server-')
      let server = await testServer({ classic, dataDir })
      const { port } = server
      const fast = (uin: number) => ({ [accountOn(server, uin)]: { pollIntervalMs: 500 } })
      const alice = new TestClient({}, undefined, fast(ALICE))
      const bob = new TestClient({}, undefined, fast(BOB))
      try {
        await alice.login(server, ALICE)
        await bob.login(server, BOB)
        await server.close()
        await alice.waitFor(
          (e) => (e.type === 'session' && e.session.phase === 'reconnecting' ? e : undefined),
          10_000,
          'reconnecting'
        )
        server = await testServer({ classic, dataDir, port })
        await until(
          () => alice.transport.of('Login').length === 2 && alice.phase() === 'online',
          'a re-login'
        )
        valueOf(await bob.calls.sendMessage(bob.account, ALICE, 'still there?'))
        expect(await alice.waitForTexts(BOB, 1)).toEqual(['still there?'])
        expect(alice.transport.of('Login')).toHaveLength(2)
        expect(alice.transport.exchanges.filter((e) => e.outcome === 20).length).toBeGreaterThan(0)
        expect(
          alice.events.filter((e) => e.type === 'session' && e.session.phase === 'offline')
        ).toEqual([])
      } finally {
        await alice.stop()
        await bob.stop()
        await server.close()
        removeDir(dataDir)
      }
    })
  }
)
