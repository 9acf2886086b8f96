/**
 * Issue 15: nodes on one PostgreSQL schema and one Redis prefix. Behind HAProxy in round
 * robin, consecutive requests of one client are served by different nodes (what makes the
 * cluster-nodes project's run of the protocol suites mean something); a long poll held by
 * one node wakes at once when a message is sent through another.
 */
import { pino } from 'pino'
import { afterEach, expect, it } from 'vitest'
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.ts'
import { account, PASSWORD, SCALE } from '../integration/server/servers.ts'
import { TestClient } from '../integration/server/wire.ts'
import { haproxyMissing } from './haproxy.ts'
import { NODE_COUNT, startCluster } from './nodes.ts'
import { dropSchemas, freshSchema, storeUrl } from './postgres.ts'
import { REDIS_URL, redisConnection, redisMissing, testPrefix } from './redis.ts'
import { describeWhenAvailable } from './when-available.ts'

const ALICE = 10001
const BOB = 10002
const seed = { accounts: [account(ALICE), account(BOB)] }

const running: RunningServer[] = []
const schemas: string[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
  await dropSchemas(schemas.splice(0))
})

/** One deployment: a schema and a Redis prefix of its own, and a way to watch the prefix. */
async function deployment(): Promise<{ options: ServerOptions; channels: () => Promise<number> }> {
  const schema = freshSchema()
  schemas.push(schema)
  const redisPrefix = testPrefix()
  const watcher = await redisConnection(redisPrefix)
  return {
    options: {
      store: storeUrl(schema),
      redis: REDIS_URL,
      redisPrefix,
      penaltyScale: SCALE
    },
    // The wake-up channels some node listens on: one per number whose poll is held.
    channels: async () => (await watcher.commands.pubSubChannels(`${redisPrefix}wake:*`)).length
  }
}

type LogRecord = Record<string, unknown>

const missing = haproxyMissing() ?? (await redisMissing())

describeWhenAvailable('nodes behind HAProxy in round robin', missing, () => {
  it('serve one client’s consecutive requests on different nodes', async () => {
    const { options } = await deployment()
    const logs = Array.from({ length: NODE_COUNT }, () => [] as LogRecord[])
    const logOf = (records: LogRecord[]) =>
      pino({ base: undefined }, { write: (line: string) => records.push(JSON.parse(line)) })
    // No health checks: every record is a request of the client's.
    const cluster = await startCluster(
      { ...options, seed },
      (index) => ({ log: logOf(logs[index] ?? []) }),
      { checks: false }
    )
    running.push(cluster)

    const alice = await new TestClient(cluster.port, ALICE).enter(PASSWORD)
    expect(await alice.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
    expect(await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'hi' })).toMatchObject({
      ok: true
    })

    // In the order they were served: which node served each. Consecutive requests of the
    // one session were served by different nodes, each finding the session in Redis.
    const served = logs
      .flatMap((records, node) => records.map((record): LogRecord => ({ ...record, node })))
      .sort((a, b) => Number(a.time) - Number(b.time))
    expect(served.map(({ uin, cmd }) => [uin, cmd])).toEqual([
      [ALICE, 'Login'],
      [ALICE, 'List'],
      [ALICE, 'CLTMSG']
    ])
    const [login, list, message] = served.map(({ node }) => node)
    expect(list).not.toBe(login)
    expect(message).not.toBe(list)
  })

  it('wake a long poll held by one node when a message comes through another', async () => {
    const { options, channels } = await deployment()
    const nodeA = await startServer({ ...options, port: 0, seed })
    running.push(nodeA)
    const nodeB = await startServer({ ...options, port: 0 })
    running.push(nodeB)
    const alice = await new TestClient(nodeA.port, ALICE).enter(PASSWORD)
    const bob = await new TestClient(nodeB.port, BOB).enter(PASSWORD)

    const started = performance.now()
    const poll = bob.send({ cmd: 'GetMsgEx', wait: 30 })
    // Held by node B: it listens for wake-ups of BOB (and reads his queue after that).
    await expect.poll(channels, { timeout: 10_000 }).toBe(1)
    expect(await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'across' })).toMatchObject({
      ok: true
    })

    expect(await poll).toMatchObject({
      ok: true,
      data: { messages: [{ from: ALICE, text: 'across' }] }
    })
    // Woken, not ended by its WT of 30 s (which would also have found the message).
    expect(performance.now() - started).toBeLessThan(30_000)
  })
})
