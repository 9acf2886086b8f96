/**
 * The live state in Redis (src/server/cluster/) as two nodes share it: each node has its own
 * connections and state, and what one does the other sees. Against a real Redis.
 */
import { expect, it } from 'vitest'
import { STATUS } from '../../src/shared/protocol/index.ts'
import { createRedisState } from '../../src/server/cluster/redis-state.ts'
import type { LiveState, Session } from '../../src/server/state/types.ts'
import { flush, redisConnection, redisMissing, testPrefix } from './redis.ts'
import { describeWhenAvailable } from './when-available.ts'

const ME = 10001
const HOME = '203.0.113.7'
const KEY = 'a'.repeat(32)

interface Node {
  readonly state: LiveState
  readonly ended: Session[]
}

/** `count` nodes on one deployment (one prefix), as separate processes would have them. */
async function nodes(count: number, idleMs = 60_000): Promise<Node[]> {
  const prefix = testPrefix()
  return Promise.all(
    Array.from({ length: count }, async () => {
      const ended: Session[] = []
      const redis = await redisConnection(prefix)
      const state = createRedisState(redis, {
        idleMs,
        rateScale: 0.01,
        now: () => Date.now(),
        onEnd: async (session) => {
          ended.push(session)
        }
      })
      return { state, ended }
    })
  )
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describeWhenAvailable('live state in Redis, shared by nodes', await redisMissing(), () => {
  it('finds a session made on one node from another, by address, number and key', async () => {
    const [a, b] = (await nodes(2)) as [Node, Node]
    const session = await a.state.sessions.login(HOME, ME, KEY)
    expect(await b.state.sessions.find(HOME, ME, KEY)).toEqual(session)
    expect(await b.state.sessions.find(HOME, ME, 'b'.repeat(32))).toBeUndefined()
    expect(await b.state.sessions.find(HOME, ME, undefined)).toBeUndefined()
    expect(await b.state.sessions.find('198.51.100.1', ME, KEY)).toBeUndefined()
    expect(await b.state.sessions.setStatus(session, STATUS.BUSY)).toBe(STATUS.ONLINE)
    expect(await a.state.sessions.statuses([ME, 10002])).toEqual(new Map([[ME, STATUS.BUSY]]))
    // A login again from the same client keeps the session, online again, keyed anew.
    const again = await b.state.sessions.login(HOME, ME, undefined)
    expect(again).toMatchObject({ id: session.id, status: STATUS.ONLINE, key: undefined })
    expect(await a.state.sessions.find(HOME, ME, undefined)).toMatchObject({ id: session.id })
  })

  it('ends a session once when a login elsewhere replaces it (D-10)', async () => {
    const [a, b] = (await nodes(2)) as [Node, Node]
    const first = await a.state.sessions.login(HOME, ME, KEY)
    const second = await b.state.sessions.login('198.51.100.1', ME, undefined)
    expect(second.id).not.toBe(first.id)
    expect(b.ended).toEqual([first])
    expect(a.ended).toEqual([])
    expect(await a.state.sessions.find(HOME, ME, KEY)).toBeUndefined()
    await a.state.sessions.end(first)
    expect(await a.state.sessions.current(ME)).toEqual(second)
    await a.state.sessions.end(second)
    expect(await b.state.sessions.current(ME)).toBeUndefined()
    expect(await b.state.sessions.statuses([ME])).toEqual(new Map())
    expect([...b.ended, ...a.ended]).toEqual([first, second])
  })

  it('ends an idle session on exactly one node, and none while a poll holds it', async () => {
    const [a, b, c] = (await nodes(3, 100)) as [Node, Node, Node]
    const idle = await a.state.sessions.login(HOME, ME, undefined)
    const held = await a.state.sessions.login(HOME, 10002, undefined)
    await b.state.sessions.hold(held)
    const ended = () => [...a.ended, ...b.ended, ...c.ended].sort((x, y) => x.uin - y.uin)
    await pause(600)
    expect(ended()).toEqual([idle])
    expect(await c.state.sessions.current(10002)).toEqual(held)
    await c.state.sessions.release(held)
    await pause(600)
    expect(ended()).toEqual([idle, held])
  })

  it('shares rate windows and the login guard between nodes', async () => {
    const [a, b] = (await nodes(2)) as [Node, Node]
    const now = Date.now()
    const takes = []
    for (let i = 0; i < 6; i++) {
      takes.push(await (i % 2 ? a : b).state.rateLimits.take('s1', 'message', now + i))
    }
    expect(takes).toEqual([true, true, true, true, true, false])
    // Five per 5 s, times 0.01: 50 ms later there is room again.
    expect(await a.state.rateLimits.take('s1', 'message', now + 60)).toBe(true)
    expect(await a.state.rateLimits.take('s1', 'status', now)).toBe(true)
    expect(await b.state.rateLimits.take('s1', 'status', now + 1)).toBe(false)
    await b.state.rateLimits.forget('s1')
    expect(await a.state.rateLimits.take('s1', 'status', now + 2)).toBe(true)

    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).state.loginGuard.failed(HOME, ME, now + i)
    expect(await a.state.loginGuard.blocked(HOME, ME, now + 5)).toBe(true)
    expect(await b.state.loginGuard.blocked('198.51.100.1', ME, now + 5)).toBe(false)
    // The window is a minute, times 0.01.
    expect(await b.state.loginGuard.blocked(HOME, ME, now + 700)).toBe(false)
    await b.state.loginGuard.failed(HOME, ME, now)
    await a.state.loginGuard.succeeded(HOME, ME)
    expect(await b.state.loginGuard.blocked(HOME, ME, now + 5)).toBe(false)
  })

  it('wakes a poll held on one node from another, and only the node that holds it listens', async () => {
    const [a, b, c] = (await nodes(3)) as [Node, Node, Node]
    const wait = b.state.waiters.wait(ME, 20_000, new AbortController().signal)
    await wait.ready
    const redis = await redisConnection('')
    const subscribers = async () => {
      const channels = await redis.commands.pubSubChannels(`*wake:${ME}`)
      return channels.length
    }
    expect(await subscribers()).toBe(1)
    await a.state.waiters.wake(ME)
    // Well before the 20 s of its WT: the wake-up, not the timeout, ended it.
    expect(await wait.ended).toBe('woken')
    // A node that holds nothing for the number is not woken and does not listen.
    const other = c.state.waiters.wait(10002, 20_000, new AbortController().signal)
    await other.ready
    await a.state.waiters.wake(ME)
    other.cancel()
    expect(await other.ended).toBe('aborted')
    await pause(50)
    expect(await subscribers()).toBe(0)
  })

  it('after Redis forgets everything, sessions are gone (RES=20) and logins work again', async () => {
    const prefix = testPrefix()
    const redis = await redisConnection(prefix)
    const state = createRedisState(redis, {
      idleMs: 60_000,
      rateScale: 1,
      now: () => Date.now(),
      onEnd: async () => {}
    })
    const session = await state.sessions.login(HOME, ME, KEY)
    await flush(redis)
    // Its connections cut too, as a restart cuts them (only this node's: others share Redis).
    const ids = [await redis.subscriber.clientId(), await redis.commands.clientId()]
    for (const id of ids) {
      const killed = await redis.commands.sendCommand([
        'CLIENT',
        'KILL',
        'ID',
        String(id),
        'SKIPME',
        'no'
      ])
      expect(killed).toBe(1)
    }
    // Requests fail (NULL) until the node is connected again, and then work.
    await expect.poll(() => redis.commands.ping().catch(() => 'away')).toBe('PONG')
    expect(await state.sessions.find(HOME, ME, KEY)).toBeUndefined()
    const fresh = await state.sessions.login(HOME, ME, KEY)
    expect(fresh.id).not.toBe(session.id)
    const wait = state.waiters.wait(ME, 20_000, new AbortController().signal)
    await wait.ready
    await state.waiters.wake(ME)
    expect(await wait.ended).toBe('woken')
  })
})
