/** Section 4: RES=3 is held 20 s (30 s for DelFromList), times --penalty-scale. */
import { describe, expect, it } from 'vitest'
import { TestClient } from './wire.ts'
import { account, PASSWORD, serve, untilAnswering } from './servers.ts'

const ME = 10001
const PEER = 10002
const THIRD = 10003
const seed = {
  accounts: [account(ME, { friends: [PEER] }), account(PEER), account(THIRD)]
}
/** Wide windows for a busy machine: 150 ms / 250 ms, penalties of 1 s / 1.5 s. */
const SCALE = 0.05

async function setup() {
  const server = await serve({ seed, penaltyScale: SCALE })
  const me = await new TestClient(server.port, ME).enter(PASSWORD)
  const peer = await new TestClient(server.port, PEER).enter(PASSWORD)
  const third = await new TestClient(server.port, THIRD).enter(PASSWORD)
  return { server, me, peer, third }
}

const timed = async <T>(work: Promise<T>) => {
  const started = performance.now()
  const result = await work
  return { result, ms: performance.now() - started }
}

describe('penalties', () => {
  it('a sixth message within 5 s is refused after 20 s and not delivered; others are not slowed', async () => {
    const { me, peer, third } = await setup()
    await peer.inbox()
    const texts = ['one', 'two', 'three', 'four', 'five', 'six']
    const sending = Promise.all(
      texts.map((text) => timed(me.send({ cmd: 'CLTMSG', target: PEER, text })))
    )
    const meanwhile = await timed(third.send({ cmd: 'CLTMSG', target: PEER, text: 'not me' }))
    const replies = await sending
    expect(meanwhile.result).toMatchObject({ ok: true })
    expect(meanwhile.ms).toBeLessThan(20_000 * SCALE)
    const refused = replies.filter(({ result }) => result.res === 3)
    expect(refused).toHaveLength(1)
    expect(refused[0]?.ms).toBeGreaterThanOrEqual(20_000 * SCALE * 0.9)
    const inbox = await peer.inbox()
    expect(inbox).toHaveLength(6)
    expect(inbox).toContain(`9:${THIRD}:not me`)
  })

  it('messages go through again once the window has passed', async () => {
    const { me, peer } = await setup()
    for (let i = 0; i < 5; i++) await me.send({ cmd: 'CLTMSG', target: PEER, text: `m${i}` })
    await new Promise((resolve) => setTimeout(resolve, 5000 * SCALE + 50))
    expect(await me.send({ cmd: 'CLTMSG', target: PEER, text: 'later' })).toMatchObject({
      ok: true
    })
    expect((await peer.inbox()).filter((m) => m.startsWith('9:'))).toHaveLength(6)
  })

  it('a second status change within 3 s is refused after 20 s and changes nothing', async () => {
    const { me, peer } = await setup()
    // The peer lists me, so it is told of every change of mine it can see.
    expect(await peer.send({ cmd: 'AddToList', target: ME })).toMatchObject({ data: { code: 0 } })
    expect(await me.send({ cmd: 'Change_Stat', status: 30 })).toMatchObject({ ok: true })
    const second = await timed(me.send({ cmd: 'Change_Stat', status: 40 }))
    expect(second.result).toMatchObject({ ok: false, res: 3 })
    expect(second.ms).toBeGreaterThanOrEqual(20_000 * SCALE * 0.9)
    // The penalty lasted longer than the window, so the next change is allowed.
    expect(await me.send({ cmd: 'Change_Stat', status: 10 })).toMatchObject({ ok: true })
    // Had the refused change to invisible been made, the peer would have seen me go offline.
    expect(await peer.inbox()).toEqual([`99:${ME}:30`, `99:${ME}:10`])
  })

  it('DelFromList of a number not on the list is refused after 30 s', async () => {
    const { me } = await setup()
    const held = await timed(me.send({ cmd: 'DelFromList', target: THIRD }))
    expect(held.result).toMatchObject({ ok: false, res: 3 })
    expect(held.ms).toBeGreaterThanOrEqual(30_000 * SCALE * 0.9)
  })

  it('Ack_AddToList with CD 3 or more is refused after 20 s', async () => {
    const { me } = await setup()
    for (const kind of [3, 9]) {
      const held = await timed(me.send({ cmd: 'Ack_AddToList', target: PEER, kind, reason: 'x' }))
      expect(held.result).toMatchObject({ ok: false, res: 3 })
      expect(held.ms).toBeGreaterThanOrEqual(20_000 * SCALE * 0.9)
    }
  })

  it('after five wrong passwords, a login from that address is refused after 20 s', async () => {
    const { server } = await setup()
    const guesser = new TestClient(server.port, PEER, '127.0.0.9')
    for (let i = 0; i < 5; i++) {
      expect(await guesser.login(`guess ${i}`)).toMatchObject({ data: { accepted: false } })
    }
    const held = await timed(guesser.login(PASSWORD))
    expect(held.result).toMatchObject({ ok: false, res: 3 })
    expect(held.ms).toBeGreaterThanOrEqual(20_000 * SCALE * 0.9)
    // The number itself is not locked out: its owner elsewhere logs in.
    await new TestClient(server.port, PEER, '127.0.0.10').enter(PASSWORD)
  })

  it('held replies are answered at once when the server closes', async () => {
    const server = await serve({ seed, penaltyScale: 10 })
    const me = await new TestClient(server.port, ME).enter(PASSWORD)
    const held = timed(me.send({ cmd: 'DelFromList', target: THIRD }))
    await untilAnswering(server)
    await server.close()
    const { result, ms } = await held
    expect(result).toMatchObject({ ok: false, res: 3 })
    expect(ms).toBeLessThan(5000)
  })
})
