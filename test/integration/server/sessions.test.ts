/** Section 5, D-9, D-10: sessions by address + UIN, idle expiry, replacement, presence. */
import { describe, expect, it } from 'vitest'
import { TestClient } from './wire.ts'
import { account, PASSWORD, serve } from './servers.ts'

const ME = 10001
const WATCHER = 10002
const OTHER = 10003
const seed = {
  accounts: [account(ME), account(WATCHER, { friends: [ME] }), account(OTHER)]
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function setup(options: { idleTimeoutSeconds?: number; heartbeatSeconds?: number } = {}) {
  const server = await serve({ seed, ...options })
  const watcher = await new TestClient(server.port, WATCHER).enter(PASSWORD)
  const client = (uin: number, address?: string) => new TestClient(server.port, uin, address)
  return { server, watcher, client }
}

describe('sessions', () => {
  it('tell the client HI and LI as configured', async () => {
    const { client } = await setup({ idleTimeoutSeconds: 120, heartbeatSeconds: 30 })
    expect(await client(ME).login(PASSWORD)).toMatchObject({
      ok: true,
      data: { accepted: true, heartbeat: 30, idle: 120 }
    })
  })

  it('end after LI seconds without a request, and friends see the user go offline', async () => {
    const { watcher, client } = await setup({ idleTimeoutSeconds: 1 })
    const me = await client(ME).enter(PASSWORD)
    expect(await watcher.inbox()).toEqual([`99:${ME}:10`])
    // The watcher waits in a long poll, which keeps its own session alive meanwhile.
    const started = performance.now()
    const seen = await watcher.send({ cmd: 'GetMsgEx', wait: 5 })
    expect(seen).toMatchObject({
      ok: true,
      data: { messages: [{ type: 99, from: ME, text: '20' }] }
    })
    expect(performance.now() - started).toBeGreaterThanOrEqual(900)
    expect(await me.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: false, res: 20 })
  })

  it('stay while the client sends something within LI, or waits in a long poll', async () => {
    const { client } = await setup({ idleTimeoutSeconds: 1 })
    const busy = await client(ME).enter(PASSWORD)
    const waiting = await client(OTHER).enter(PASSWORD)
    const poll = waiting.send({ cmd: 'GetMsgEx', wait: 2, ack: '0' })
    for (let i = 0; i < 4; i++) {
      await sleep(400)
      expect(await busy.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
    }
    expect(await poll).toMatchObject({ ok: true, data: { messages: [] } })
    expect(await waiting.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
  })

  it('are per address: another computer with the same number is not logged in', async () => {
    const { client } = await setup()
    await client(ME).enter(PASSWORD)
    expect(await client(ME, '127.0.0.2').send({ cmd: 'GetMsgEx' })).toMatchObject({ res: 20 })
  })

  it('let one computer log in several numbers at once', async () => {
    const { client, watcher } = await setup()
    const me = await client(ME).enter(PASSWORD)
    const other = await client(OTHER).enter(PASSWORD)
    await other.send({ cmd: 'Logout' })
    expect(await me.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
    expect(await watcher.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
    expect(await other.send({ cmd: 'List', count: 160 })).toMatchObject({ res: 20 })
  })

  it('are replaced by a login from another address (D-10): offline, then online', async () => {
    const { client, watcher } = await setup()
    const first = await client(ME).enter(PASSWORD)
    const held = first.send({ cmd: 'GetMsgEx', wait: 10, ack: '0' })
    await sleep(50)
    await watcher.inbox()
    const second = await client(ME, '127.0.0.2').enter(PASSWORD)
    expect(await held).toMatchObject({ ok: false, res: 20 })
    expect(await first.send({ cmd: 'List', count: 160 })).toMatchObject({ res: 20 })
    expect(await second.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
    expect(await watcher.inbox()).toEqual([`99:${ME}:20`, `99:${ME}:10`])
  })

  it('survive a second login from the same address without going offline', async () => {
    const { client, watcher } = await setup()
    const me = await client(ME).enter(PASSWORD)
    await watcher.inbox()
    await watcher.send({ cmd: 'CLTMSG', target: ME, text: 'still there?' })
    await me.enter(PASSWORD)
    expect(await watcher.inbox()).toEqual([])
    expect(await me.inbox()).toEqual([`9:${WATCHER}:still there?`])
  })

  it('end at Logout: friends see offline, unless the user was invisible', async () => {
    const { client, watcher } = await setup({})
    const me = await client(ME).enter(PASSWORD)
    await me.send({ cmd: 'Logout' })
    expect(await watcher.inbox()).toEqual([`99:${ME}:10`, `99:${ME}:20`])
    await me.enter(PASSWORD)
    await me.send({ cmd: 'Change_Stat', status: 40 })
    await me.send({ cmd: 'Logout' })
    expect(await watcher.inbox()).toEqual([`99:${ME}:10`, `99:${ME}:20`])
  })

  it('do not end when a wrong password is tried for the number', async () => {
    const { client } = await setup()
    const me = await client(ME).enter(PASSWORD)
    expect(await client(ME, '127.0.0.3').login('wrong')).toMatchObject({
      data: { accepted: false, reason: '密码错误' }
    })
    expect(await me.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
  })
})
