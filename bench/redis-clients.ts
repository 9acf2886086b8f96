/**
 * ioredis against node-redis on the paths the cluster's live state takes through Redis: a
 * session lookup (HGETALL, then the idle deadline moved in the same round trip), a rate
 * window (a Lua script), a wake-up over pub/sub (PUBLISH to a poll's channel, until the
 * subscriber has it), and the SUBSCRIBE/UNSUBSCRIBE of a poll starting and ending.
 * Prints figures; decides nothing. Needs Redis (QQ_BENCH_REDIS_URL, default
 * redis://127.0.0.1:6379); uses keys under a prefix of its own and removes them.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { format, percentile } from './measure.ts'

const URL = process.env.QQ_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const PREFIX = `qq-bench:${randomUUID()}:`
const SESSIONS = 1000
const OPS = 20_000
const IN_FLIGHT = 100
const WAKES = 2000

const RATE_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`

/** What each library is asked to do, in its own idiom. */
interface Client {
  readonly name: string
  lookup(uin: number): Promise<unknown>
  rate(session: number, now: number): Promise<unknown>
  publish(channel: string): Promise<unknown>
  /** Subscribes (the promise settles at Redis' acknowledgement) with a listener. */
  subscribe(channel: string, listener: () => void): Promise<void>
  unsubscribe(channel: string, listener: () => void): Promise<void>
  seed(): Promise<void>
  close(): Promise<void>
}

async function ioredisClient(): Promise<Client> {
  const redis = new Redis(URL, { lazyConnect: true })
  const sub = new Redis(URL, { lazyConnect: true })
  await Promise.all([redis.connect(), sub.connect()])
  redis.defineCommand('rateTake', { numberOfKeys: 1, lua: RATE_SCRIPT })
  const listeners = new Map<string, () => void>()
  sub.on('message', (channel: string) => listeners.get(channel)?.())
  const run = redis as Redis & {
    rateTake(
      key: string,
      now: number,
      window: number,
      limit: number,
      member: string
    ): Promise<number>
  }
  return {
    name: 'ioredis',
    lookup: async (uin) => {
      const key = `${PREFIX}s:${uin}`
      const [[, session]] = (await redis
        .pipeline()
        .hgetall(key)
        .zadd(`${PREFIX}idle`, 'XX', Date.now() + 300_000, String(uin))
        .exec()) as [[null, Record<string, string>]]
      return session
    },
    rate: (session, now) =>
      run.rateTake(`${PREFIX}r:${session}`, now, 5000, 5, `${now}-${Math.random()}`),
    publish: (channel) => redis.publish(channel, ''),
    subscribe: async (channel, listener) => {
      listeners.set(channel, listener)
      await sub.subscribe(channel)
    },
    unsubscribe: async (channel) => {
      listeners.delete(channel)
      await sub.unsubscribe(channel)
    },
    seed: async () => {
      const pipeline = redis.pipeline()
      for (let uin = 0; uin < SESSIONS; uin++) {
        pipeline.hset(`${PREFIX}s:${uin}`, { id: randomUUID(), addr: '203.0.113.7', status: '10' })
      }
      await pipeline.exec()
    },
    close: async () => {
      const keys = await redis.keys(`${PREFIX}*`)
      if (keys.length > 0) await redis.del(...keys)
      redis.disconnect()
      sub.disconnect()
    }
  }
}

async function nodeRedisClient(): Promise<Client> {
  const redis = createClient({ url: URL })
  const sub = redis.duplicate()
  await Promise.all([redis.connect(), sub.connect()])
  const sha = await redis.scriptLoad(RATE_SCRIPT)
  return {
    name: 'redis',
    lookup: async (uin) => {
      // Commands sent in one tick go out together (node-redis pipelines them by itself).
      const [session] = await Promise.all([
        redis.hGetAll(`${PREFIX}s:${uin}`),
        redis.zAdd(
          `${PREFIX}idle`,
          { score: Date.now() + 300_000, value: String(uin) },
          { XX: true }
        )
      ])
      return session
    },
    rate: (session, now) =>
      redis.evalSha(sha, {
        keys: [`${PREFIX}r:${session}`],
        arguments: [String(now), '5000', '5', `${now}-${Math.random()}`]
      }),
    publish: (channel) => redis.publish(channel, ''),
    subscribe: (channel, listener) => sub.subscribe(channel, listener),
    unsubscribe: (channel, listener) => sub.unsubscribe(channel, listener),
    seed: async () => {
      const multi = redis.multi()
      for (let uin = 0; uin < SESSIONS; uin++) {
        multi.hSet(`${PREFIX}s:${uin}`, { id: randomUUID(), addr: '203.0.113.7', status: '10' })
      }
      await multi.exec()
    },
    close: async () => {
      const keys = await redis.keys(`${PREFIX}*`)
      if (keys.length > 0) await redis.del(keys)
      await Promise.all([redis.close(), sub.close()])
    }
  }
}

/** Operations a second with IN_FLIGHT requests outstanding at any time. */
async function throughput(op: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2000; i++) await op(i)
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < OPS) await op(next++)
    })
  )
  return (OPS / (performance.now() - started)) * 1000
}

/** Publish → the subscriber's listener, one at a time: p50 and p99 in milliseconds. */
async function wakeLatency(client: Client): Promise<[number, number]> {
  const channels = Array.from({ length: 1000 }, (_, i) => `${PREFIX}w:${i}`)
  let heard: (() => void) | undefined
  const listener = () => heard?.()
  for (const channel of channels) await client.subscribe(channel, listener)
  const times: number[] = []
  for (let i = 0; i < WAKES; i++) {
    const arrived = new Promise<void>((resolve) => (heard = resolve))
    const started = performance.now()
    await client.publish(channels[i % channels.length] as string)
    await arrived
    times.push(performance.now() - started)
  }
  for (const channel of channels) await client.unsubscribe(channel, listener)
  times.sort((a, b) => a - b)
  return [percentile(times, 50), percentile(times, 99)]
}

/** A poll starting and ending: SUBSCRIBE then UNSUBSCRIBE of its channel, a second. */
async function churn(client: Client): Promise<number> {
  const listener = () => {}
  return throughput(async (i) => {
    const channel = `${PREFIX}w:churn:${i % 5000}`
    await client.subscribe(channel, listener)
    await client.unsubscribe(channel, listener)
  })
}

const rows: string[][] = []
for (const make of [ioredisClient, nodeRedisClient, ioredisClient, nodeRedisClient]) {
  const client = await make()
  await client.seed()
  const lookup = await throughput((i) => client.lookup(i % SESSIONS))
  const rate = await throughput((i) => client.rate(i % SESSIONS, Date.now()))
  const publish = await throughput((i) => client.publish(`${PREFIX}nobody:${i}`))
  const [p50, p99] = await wakeLatency(client)
  const subscribe = await churn(client)
  rows.push([
    client.name,
    format(lookup),
    format(rate),
    format(publish),
    `${format(p50, 2)} / ${format(p99, 2)}`,
    format(subscribe)
  ])
  await client.close()
}

const header = [
  'client',
  'lookup/s',
  'rate window/s',
  'publish/s',
  'wake p50/p99 ms',
  'sub+unsub/s'
]
console.log(`Redis ${URL}, ${IN_FLIGHT} requests in flight, two rounds each`)
for (const row of [header, ...rows]) console.log(row.map((cell) => cell.padStart(16)).join(''))
