/** Sections 6.2–6.8, D-8, D-14–D-16: lists, verification flows, presence. */
import { describe, expect, it } from 'vitest'
import { TestClient } from './wire.ts'
import { account, PASSWORD, serve } from './servers.ts'

const ME = 10001
const OPEN = 10002
const ASKS = 10003
const CLOSED = 10004
const NOBODY = 19999

async function setup(extra: ReturnType<typeof account>[] = []) {
  const server = await serve({
    seed: {
      accounts: [
        account(ME),
        account(OPEN, { policy: 0 }),
        account(ASKS, { policy: 1 }),
        account(CLOSED, { policy: 2 }),
        ...extra
      ]
    }
  })
  const login = (uin: number) => new TestClient(server.port, uin).enter(PASSWORD)
  const me = await login(ME)
  return { server, me, login }
}

async function friendsOf(client: TestClient): Promise<number[]> {
  const reply = await client.send({ cmd: 'List', count: 160 })
  return reply.ok && reply.data.kind === 'page' ? [...reply.data.items] : []
}

describe('adding friends', () => {
  it('someone who allows anyone is on my list at once; lists are one-way', async () => {
    const { me, login } = await setup()
    expect(await me.send({ cmd: 'AddToList', target: OPEN })).toMatchObject({
      ok: true,
      data: { code: 0, uin: OPEN }
    })
    expect(await friendsOf(me)).toEqual([OPEN])
    expect(await friendsOf(await login(OPEN))).toEqual([])
    // Adding again changes nothing.
    expect(await me.send({ cmd: 'AddToList', target: OPEN })).toMatchObject({ data: { code: 0 } })
    expect(await friendsOf(me)).toEqual([OPEN])
  })

  it('someone who refuses everyone says CD=2 and is never asked', async () => {
    const { me, login } = await setup()
    const closed = await login(CLOSED)
    expect(await me.send({ cmd: 'AddToList', target: CLOSED })).toMatchObject({ data: { code: 2 } })
    await me.send({ cmd: 'Ack_AddToList', target: CLOSED, kind: 2, reason: 'please' })
    expect(await friendsOf(me)).toEqual([])
    expect(await closed.inbox()).toEqual([])
  })

  it('verification: ask (MT=2), the other side accepts (MT=3), and I have them on my list', async () => {
    const { me, login } = await setup()
    const asks = await login(ASKS)
    await me.inbox()
    expect(await me.send({ cmd: 'AddToList', target: ASKS })).toMatchObject({ data: { code: 1 } })
    expect(await friendsOf(me)).toEqual([])
    expect(
      await me.send({ cmd: 'Ack_AddToList', target: ASKS, kind: 2, reason: '我是 & 你的, 同学' })
    ).toMatchObject({ ok: true })
    // A repeated request is not sent twice.
    await me.send({ cmd: 'Ack_AddToList', target: ASKS, kind: 2, reason: 'again' })
    expect(await asks.inbox()).toEqual([`2:${ME}:我是 & 你的, 同学`])
    expect(
      await asks.send({ cmd: 'Ack_AddToList', target: ME, kind: 0, reason: '' })
    ).toMatchObject({ ok: true })
    expect(await me.inbox()).toEqual([`3:${ASKS}:`])
    expect(await friendsOf(me)).toEqual([ASKS])
    expect(await friendsOf(asks)).toEqual([])
  })

  it('verification refused: MT=4 with the reason, and nothing on my list', async () => {
    const { me, login } = await setup()
    const asks = await login(ASKS)
    await me.inbox()
    await me.send({ cmd: 'Ack_AddToList', target: ASKS, kind: 2, reason: 'hi' })
    await asks.send({ cmd: 'Ack_AddToList', target: ME, kind: 1, reason: '不认识你' })
    expect(await me.inbox()).toEqual([`4:${ASKS}:不认识你`])
    expect(await friendsOf(me)).toEqual([])
    // The request is closed: accepting it now does nothing.
    await asks.send({ cmd: 'Ack_AddToList', target: ME, kind: 0, reason: '' })
    expect(await friendsOf(me)).toEqual([])
  })

  it('an answer to a request never made changes nothing and sends nothing', async () => {
    const { me, login } = await setup()
    const asks = await login(ASKS)
    await asks.inbox()
    expect(
      await me.send({ cmd: 'Ack_AddToList', target: ASKS, kind: 0, reason: '' })
    ).toMatchObject({ ok: true })
    expect(await friendsOf(asks)).toEqual([])
    expect(await asks.inbox()).toEqual([])
  })

  it('a request to someone offline waits in their queue', async () => {
    const { me, login } = await setup()
    await me.send({ cmd: 'Ack_AddToList', target: ASKS, kind: 2, reason: 'later' })
    expect(await (await login(ASKS)).inbox()).toEqual([`2:${ME}:later`])
  })

  it('numbers without an account get RES=5 (D-8)', async () => {
    const { me } = await setup()
    for (const cmd of ['AddToList', 'DelFromList'] as const) {
      expect(await me.send({ cmd, target: NOBODY })).toMatchObject({ ok: false, res: 5 })
    }
    expect(await me.send({ cmd: 'GetInfo', level: 3, target: NOBODY })).toMatchObject({ res: 5 })
    expect(await me.send({ cmd: 'CLTMSG', target: NOBODY, text: 'hi' })).toMatchObject({ res: 5 })
    expect(
      await me.send({ cmd: 'Ack_AddToList', target: NOBODY, kind: 2, reason: '' })
    ).toMatchObject({ res: 5 })
  })

  it('nobody can add themselves', async () => {
    const { me } = await setup()
    expect(await me.send({ cmd: 'AddToList', target: ME })).toMatchObject({ data: { code: 2 } })
    expect(await friendsOf(me)).toEqual([])
  })

  it('DelFromList removes, and the friend no longer shows online', async () => {
    const { me, login } = await setup()
    await login(OPEN)
    await me.send({ cmd: 'AddToList', target: OPEN })
    expect(await me.send({ cmd: 'Query_Stat', count: 160 })).toMatchObject({
      data: { items: [{ uin: OPEN }] }
    })
    expect(await me.send({ cmd: 'DelFromList', target: OPEN })).toMatchObject({ ok: true })
    expect(await friendsOf(me)).toEqual([])
    expect(await me.send({ cmd: 'Query_Stat', count: 160 })).toMatchObject({ data: { items: [] } })
  })
})

describe('paging (D-14)', () => {
  const many = Array.from({ length: 170 }, (_, i) => 30000 + i * 7)

  it('List: at most 160, FN=1 on the last page, UN is the number to start after', async () => {
    const { me } = await setup([
      account(20000, { friends: many }),
      ...many.map((uin) => account(uin))
    ])
    const lister = new TestClient(me.port, 20000)
    await lister.enter(PASSWORD)
    expect(await lister.send({ cmd: 'List' })).toMatchObject({
      data: { kind: 'count', count: 170 }
    })
    expect(await lister.send({ cmd: 'List', count: 500, after: 0 })).toMatchObject({
      data: { kind: 'page', done: false, items: many.slice(0, 160) }
    })
    expect(await lister.send({ cmd: 'List', count: 160, after: many[159] })).toMatchObject({
      data: { kind: 'page', done: true, items: many.slice(160) }
    })
    expect(await lister.send({ cmd: 'List', count: 3, after: many[10] })).toMatchObject({
      data: { kind: 'page', done: false, items: many.slice(11, 14) }
    })
    expect(await lister.send({ cmd: 'List', count: 10, after: many[159] })).toMatchObject({
      data: { kind: 'page', done: true, items: many.slice(160) }
    })
  })

  it('Query_Stat: only friends seen online or busy, paged the same way', async () => {
    const friends = [20001, 20002, 20003, 20004, 20005]
    const { login } = await setup([
      account(20000, { friends }),
      ...friends.map((uin) => account(uin, { face: uin - 20000, nick: `n,${uin}` }))
    ])
    const watcher = await login(20000)
    const [, busy, invisible, offline] = await Promise.all(friends.slice(0, 4).map(login))
    await busy?.send({ cmd: 'Change_Stat', status: 30 })
    await invisible?.send({ cmd: 'Change_Stat', status: 40 })
    await offline?.send({ cmd: 'Change_Stat', status: 20 })
    expect(await watcher.send({ cmd: 'Query_Stat', count: 160 })).toMatchObject({
      data: {
        done: true,
        items: [
          { uin: 20001, status: 10, face: 1, nick: 'n,20001' },
          { uin: 20002, status: 30, face: 2, nick: 'n,20002' }
        ]
      }
    })
    expect(await watcher.send({ cmd: 'Query_Stat', count: 1 })).toMatchObject({
      data: { done: false, items: [{ uin: 20001 }] }
    })
    expect(await watcher.send({ cmd: 'Query_Stat', count: 1, after: 20001 })).toMatchObject({
      data: { done: true, items: [{ uin: 20002 }] }
    })
  })
})

describe('presence (6.8)', () => {
  it('friends who list me see each change as MT=99, invisible as 20, and nothing when unseen', async () => {
    const { login } = await setup([account(20000, { friends: [ME] })])
    const watcher = await login(20000)
    const me = new TestClient(watcher.port, ME)
    await me.enter(PASSWORD)
    const pause = () => new Promise((resolve) => setTimeout(resolve, 3000 * 0.01 + 20))
    for (const status of [30, 40, 20, 10] as const) {
      await pause()
      expect(await me.send({ cmd: 'Change_Stat', status })).toMatchObject({ ok: true })
    }
    // Invisible and offline look the same, so going from one to the other is not news.
    expect(await watcher.inbox()).toEqual([`99:${ME}:30`, `99:${ME}:20`, `99:${ME}:10`])
  })

  it('people who are not logged in get no status messages', async () => {
    const { me, login } = await setup([account(20000, { friends: [ME] })])
    await me.send({ cmd: 'Logout' })
    await me.enter(PASSWORD)
    expect(await (await login(20000)).inbox()).toEqual([])
  })
})
