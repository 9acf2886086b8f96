/** Sections 6.9, 6.10 and 8: queues, offline delivery, long poll, acknowledged batches. */
import { describe, expect, it } from 'vitest'
import { exchange, legacyRequest, parseReplies, post, TestClient } from './wire.ts'
import { account, PASSWORD, serve, untilAnswering } from './servers.ts'

const ALICE = 10001
const BOB = 10002
const seed = { accounts: [account(ALICE), account(BOB)] }

async function setup(options: { classic?: boolean } = {}) {
  const server = await serve({ seed, penaltyScale: 0.0001, ...options })
  const client = (uin: number) => new TestClient(server.port, uin)
  return { server, alice: await client(ALICE).enter(PASSWORD), client }
}

const timed = async <T>(work: Promise<T>) => {
  const started = performance.now()
  const result = await work
  return { result, ms: performance.now() - started }
}

describe('messages', () => {
  it('wait for someone offline and arrive when they log in, oldest first', async () => {
    const { alice, client } = await setup()
    for (const text of ['first', 'second']) {
      expect(await alice.send({ cmd: 'CLTMSG', target: BOB, text })).toMatchObject({ ok: true })
    }
    const bob = await client(BOB).enter(PASSWORD)
    expect(await bob.inbox()).toEqual([`9:${ALICE}:first`, `9:${ALICE}:second`])
    expect(await bob.inbox()).toEqual([])
  })

  it('keep every character: &, commas, =, %, +, newlines, emoji', async () => {
    const { alice, client } = await setup()
    const text = 'a&b, c=d 100% +1\r\n第二行 😀 %2c'
    await alice.send({ cmd: 'CLTMSG', target: BOB, text })
    expect(await (await client(BOB).enter(PASSWORD)).inbox()).toEqual([`9:${ALICE}:${text}`])
  })

  it('read a legacy sender unescaped text after MG= as the message (D-4)', async () => {
    const { server, client } = await setup()
    const body = `VER=1.1&CMD=CLTMSG&SEQ=1234&UIN=${ALICE}&UN=${BOB}&MG=tea & cake, 2=2`
    const { bytes } = await exchange(server.port, legacyRequest(body))
    expect(parseReplies(bytes).map((reply) => reply.body)).toEqual([
      `VER=1.1&CMD=CLTMSG&SEQ=1234&UIN=${ALICE}&RES=0&`
    ])
    expect(await (await client(BOB).enter(PASSWORD)).inbox()).toEqual([
      `9:${ALICE}:tea & cake, 2=2`
    ])
  })

  it('come at most 50 per reply', async () => {
    const { alice, client } = await setup()
    for (let i = 0; i < 55; i++) await alice.send({ cmd: 'CLTMSG', target: BOB, text: `m${i}` })
    const bob = await client(BOB).enter(PASSWORD)
    const first = await bob.inbox()
    expect(first).toHaveLength(50)
    expect(first[0]).toBe(`9:${ALICE}:m0`)
    expect(await bob.inbox()).toEqual([50, 51, 52, 53, 54].map((i) => `9:${ALICE}:m${i}`))
  })
})

describe('long poll (WT)', () => {
  it('a held GetMsgEx wakes as soon as a message arrives', async () => {
    const { alice, client } = await setup()
    const bob = await client(BOB).enter(PASSWORD)
    const poll = timed(bob.send({ cmd: 'GetMsgEx', wait: 20 }))
    await new Promise((resolve) => setTimeout(resolve, 200))
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'wake up' })
    const { result, ms } = await poll
    expect(result).toMatchObject({
      ok: true,
      data: { messages: [{ type: 9, from: ALICE, text: 'wake up' }] }
    })
    expect(ms).toBeGreaterThanOrEqual(200)
    expect(ms).toBeLessThan(10_000)
  })

  it('answers empty after WT seconds', async () => {
    const { alice } = await setup()
    const { result, ms } = await timed(alice.send({ cmd: 'GetMsgEx', wait: 1 }))
    expect(result).toMatchObject({ ok: true, data: { messages: [] } })
    expect(ms).toBeGreaterThanOrEqual(900)
  })

  it('answers at once when messages are waiting', async () => {
    const { alice, client } = await setup()
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'ready' })
    const bob = await client(BOB).enter(PASSWORD)
    const { result, ms } = await timed(bob.send({ cmd: 'GetMsgEx', wait: 20 }))
    expect(result).toMatchObject({ data: { messages: [{ text: 'ready' }] } })
    expect(ms).toBeLessThan(10_000)
  })

  it('is answered when the server closes', async () => {
    const { server, alice } = await setup()
    const poll = timed(alice.send({ cmd: 'GetMsgEx', wait: 30, ack: '0' }))
    await untilAnswering(server)
    await server.close()
    const { result, ms } = await poll
    expect(result).toMatchObject({ ok: true, data: { messages: [], batchId: '0' } })
    expect(ms).toBeLessThan(10_000)
  })

  it('of a client that went away takes nothing from its queue', async () => {
    const { server, alice, client } = await setup()
    const bob = await client(BOB).enter(PASSWORD)
    const body = `VER=1.1&CMD=GetMsgEx&SEQ=1&UIN=${BOB}&WT=20`
    const gone = exchange(
      server.port,
      `POST / HTTP/1.1\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      {
        timeoutMs: 300
      }
    ).catch(() => 'given up')
    expect(await gone).toBe('given up')
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'kept' })
    expect(await bob.inbox()).toEqual([`9:${ALICE}:kept`])
  })
})

describe('acknowledged batches (AK, BI, TM)', () => {
  it('a batch is sent again until a GetMsgEx names it, with the time each message arrived', async () => {
    const { alice, client } = await setup()
    const before = Math.floor(Date.now() / 1000)
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'one' })
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'two' })
    const bob = await client(BOB).enter(PASSWORD)
    const first = await bob.send({ cmd: 'GetMsgEx', ack: '0' })
    if (!first.ok) throw new Error('GetMsgEx failed')
    const batch = first.data.batchId ?? ''
    expect(batch).not.toBe('0')
    expect(first.data.messages.map((m) => m.text)).toEqual(['one', 'two'])
    for (const m of first.data.messages) {
      expect(m.time).toBeGreaterThanOrEqual(before)
      expect(m.time).toBeLessThanOrEqual(Math.floor(Date.now() / 1000))
    }
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'three' })
    // Not acknowledged (a lost reply): the same batch again, the newer message still waiting.
    expect(await bob.send({ cmd: 'GetMsgEx', ack: '0' })).toEqual(first)
    expect(await bob.send({ cmd: 'GetMsgEx', ack: 'nonsense' })).toEqual(first)
    const next = await bob.send({ cmd: 'GetMsgEx', ack: batch })
    expect(next).toMatchObject({ ok: true, data: { messages: [{ text: 'three' }] } })
    if (!next.ok) return
    expect(next.data.batchId).not.toBe(batch)
    expect(await bob.send({ cmd: 'GetMsgEx', ack: next.data.batchId ?? '' })).toMatchObject({
      data: { messages: [], batchId: '0' }
    })
  })

  it('with WT: acknowledges, then waits for the next batch', async () => {
    const { alice, client } = await setup()
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'one' })
    const bob = await client(BOB).enter(PASSWORD)
    const first = await bob.send({ cmd: 'GetMsgEx', wait: 20, ack: '0' })
    const batch = first.ok ? (first.data.batchId ?? '') : ''
    const poll = bob.send({ cmd: 'GetMsgEx', wait: 20, ack: batch })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'two' })
    expect(await poll).toMatchObject({ data: { messages: [{ text: 'two' }] } })
  })

  it('without AK, replies have no BI or TM', async () => {
    const { server, alice } = await setup()
    await alice.send({ cmd: 'CLTMSG', target: ALICE, text: 'note to self' })
    const [reply] = await post(server.port, `VER=1.1&CMD=GetMsgEx&SEQ=1&UIN=${ALICE}`)
    expect(reply).toBe(
      `VER=1.1&CMD=GETMSGEX&SEQ=1&UIN=${ALICE}&RES=0&MN=1&MT=9,&UN=${ALICE},&MG=note to self,`
    )
  })
})

describe('--classic', () => {
  it('ignores WT and AK: answers at once, removes what it returns, adds no BI or TM', async () => {
    const { server, alice } = await setup({ classic: true })
    const { result, ms } = await timed(alice.send({ cmd: 'GetMsgEx', wait: 20, ack: '0' }))
    expect(result).toEqual({ cmd: 'GetMsgEx', ok: true, res: 0, data: { messages: [] } })
    expect(ms).toBeLessThan(10_000)
    await alice.send({ cmd: 'CLTMSG', target: ALICE, text: 'x' })
    const [reply] = await post(server.port, `VER=1.1&CMD=GetMsgEx&SEQ=1&UIN=${ALICE}&WT=5&AK=0`)
    expect(reply).toBe(
      `VER=1.1&CMD=GETMSGEX&SEQ=1&UIN=${ALICE}&RES=0&MN=1&MT=9,&UN=${ALICE},&MG=x,`
    )
    expect(await alice.inbox()).toEqual([])
  })
})
