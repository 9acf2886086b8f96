/** Section 8.1, D-26: session keys hold a session to the client that logged in. */
import { describe, expect, it } from 'vitest'
import { STATUS, type Request } from '../../../src/shared/protocol/index.ts'
import { md5, post, TestClient } from './wire.ts'
import { account, PASSWORD, serve } from './servers.ts'

const ME = 10001
const FRIEND = 10002
const STRANGER = 10003
const seed = {
  accounts: [
    account(ME, { friends: [FRIEND] }),
    account(FRIEND, { friends: [ME] }),
    account(STRANGER, { policy: 1 })
  ]
}

/** One request of every command a session sends, each of which would change something. */
const EVERY_SESSION_COMMAND: readonly Request[] = [
  { cmd: 'List', count: 160 },
  { cmd: 'Query_Stat', count: 160 },
  { cmd: 'GetInfo', level: 3, target: FRIEND },
  { cmd: 'AddToList', target: STRANGER },
  { cmd: 'Ack_AddToList', target: STRANGER, kind: 0, reason: '' },
  { cmd: 'DelFromList', target: FRIEND },
  { cmd: 'Change_Stat', status: STATUS.BUSY },
  { cmd: 'GetMsgEx', ack: '0' },
  { cmd: 'CLTMSG', target: FRIEND, text: 'not from me' }
]

async function setup(options: { classic?: boolean } = {}) {
  const server = await serve({ seed, ...options })
  const client = (uin: number) => new TestClient(server.port, uin)
  const friend = await client(FRIEND).enter(PASSWORD)
  return { server, client, friend }
}

describe('session keys (D-26)', () => {
  it('are given on Login with SK=1 as 32 hex digits after LI', async () => {
    const { server } = await setup()
    const body = `VER=1.1&CMD=Login&SEQ=1001&UIN=${ME}&PS=${md5(PASSWORD)}&M5=1&LC=9326B87B234E7235&SK=1`
    const [reply] = await post(server.port, body)
    expect(reply).toMatch(
      new RegExp(`^VER=1.1&CMD=LOGIN&SEQ=1001&UIN=${ME}&RES=0&RS=0&HI=60&LI=300&SK=[0-9a-f]{32}$`)
    )
  })

  it('turn away a neighbour on the same address: RES=20 for every command, nothing changes', async () => {
    const { client, friend } = await setup()
    const me = client(ME)
    await me.login(PASSWORD, { wantsKey: true })
    expect(me.sessionKey).toMatch(/^[0-9a-f]{32}$/)
    await friend.send({ cmd: 'CLTMSG', target: ME, text: 'for me only' })
    expect(await friend.inbox()).toEqual([`99:${ME}:10`])

    for (const key of [undefined, 'f'.repeat(32), `${me.sessionKey}0`]) {
      const neighbour = client(ME)
      neighbour.sessionKey = key
      for (const request of EVERY_SESSION_COMMAND) {
        expect(await neighbour.send(request), `${request.cmd} with SK=${key}`).toMatchObject({
          ok: false,
          res: 20
        })
      }
      // Logout is always answered RES=0, and leaves a keyed session alone.
      expect(await neighbour.send({ cmd: 'Logout' })).toMatchObject({ ok: true })
    }

    // No message went out, no status changed, no friend was removed or asked for.
    expect(await friend.inbox()).toEqual([])
    expect(await me.send({ cmd: 'List', count: 160 })).toMatchObject({
      ok: true,
      data: { items: [FRIEND] }
    })
    expect(await friend.send({ cmd: 'Query_Stat', count: 160 })).toMatchObject({
      ok: true,
      data: { items: [{ uin: ME, status: STATUS.ONLINE }] }
    })
    expect(
      await client(STRANGER)
        .enter(PASSWORD)
        .then((s) => s.inbox())
    ).toEqual([])
    // The queue is untouched: the message waits for the one who holds the key.
    expect(await me.inbox()).toEqual([`9:${FRIEND}:for me only`])
  })

  it('let the holder do everything, Logout included', async () => {
    const { client, friend } = await setup()
    const me = client(ME)
    await me.login(PASSWORD, { wantsKey: true })
    expect(await me.send({ cmd: 'Change_Stat', status: STATUS.BUSY })).toMatchObject({ ok: true })
    expect(await me.send({ cmd: 'CLTMSG', target: FRIEND, text: 'hello' })).toMatchObject({
      ok: true
    })
    expect(await friend.inbox()).toEqual([`99:${ME}:10`, `99:${ME}:30`, `9:${ME}:hello`])
    expect(await me.send({ cmd: 'Logout' })).toMatchObject({ ok: true })
    expect(await me.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: false, res: 20 })
  })

  it('are replaced by a new login, and kept through a failed one', async () => {
    const { client } = await setup()
    const first = client(ME)
    await first.login(PASSWORD, { wantsKey: true })
    const failed = await client(ME).login('wrong', { wantsKey: true })
    expect(failed).toMatchObject({ ok: true, data: { accepted: false } })
    expect(await first.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })

    const second = client(ME)
    await second.login(PASSWORD, { wantsKey: true })
    expect(second.sessionKey).not.toBe(first.sessionKey)
    expect(await first.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: false, res: 20 })
    expect(await second.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
  })

  it('leave a client of the time as it was: no SK asked, none given, none needed', async () => {
    const { client } = await setup()
    const me = client(ME)
    const reply = await me.login(PASSWORD)
    expect(reply).toMatchObject({ ok: true, data: { accepted: true } })
    expect(me.sessionKey).toBeUndefined()
    // Another program on the same computer is the same client, as in 2005.
    expect(await client(ME).send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
  })

  it('are ignored by a --classic server, like every extension', async () => {
    const { client } = await setup({ classic: true })
    const me = client(ME)
    await me.login(PASSWORD, { wantsKey: true })
    expect(me.sessionKey).toBeUndefined()
    expect(await client(ME).send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
  })
})
