/**
 * Issue 15: a node killed with SIGKILL in the middle of a stream of messages loses nothing
 * confirmed and doubles nothing. Three nodes run as processes of their own behind HAProxy;
 * a sender sends one message after another through HAProxy, and the receiver is the client
 * core, long-polling through HAProxy and keeping its history on disk. The node holding the
 * receiver's poll is killed, then another in the middle of whatever it is doing; the core
 * retries, lands on a node still alive, and gets its batches again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { serverKey } from '../../src/core/server-address.ts'
import { openAccountStore } from '../../src/core/store/account-store.ts'
import type { RunningServer } from '../../src/server/index.ts'
import {
  ALICE,
  BOB,
  PASSWORD,
  PENALTY_SCALE,
  TestClient as CoreClient
} from '../integration/core/harness.ts'
import { TestClient as WireClient } from '../integration/server/wire.ts'
import { connectionsPerNode, haproxyMissing, startHaproxy, type RunningProxy } from './haproxy.ts'
import { startNodeProcess, stopNodeProcess, type NodeProcess } from './node-processes.ts'
import { NODE_COUNT, PROXY_SOURCE } from './nodes.ts'
import { dropSchemas, freshSchema, postgresProblem, storeUrl } from './postgres.ts'
import { REDIS_URL, redisConnection, redisMissing, testPrefix } from './redis.ts'
import { describeWhenAvailable } from './when-available.ts'

const nodes: NodeProcess[] = []
const proxies: RunningProxy[] = []
const clients: CoreClient[] = []
const folders: string[] = []
const schemas: string[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop()
  await Promise.all(proxies.splice(0).map((proxy) => proxy.stop()))
  await Promise.all(nodes.splice(0).map(stopNodeProcess))
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  await dropSchemas(schemas.splice(0))
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Three node processes on a fresh schema and Redis prefix, HAProxy in front. */
async function cluster() {
  const folder = mkdtempSync(join(tmpdir(), 'http-qq-crash-'))
  folders.push(folder)
  const seedFile = join(folder, 'seed.json')
  const seed = {
    accounts: [
      { uin: ALICE, password: PASSWORD, friends: [BOB] },
      { uin: BOB, password: PASSWORD, friends: [ALICE] }
    ]
  }
  writeFileSync(seedFile, JSON.stringify(seed))
  const schema = freshSchema()
  schemas.push(schema)
  const prefix = testPrefix()
  await redisConnection(prefix) // its keys go after the test
  const args = [
    ...['--store', storeUrl(schema), '--redis', REDIS_URL, '--redis-prefix', prefix],
    ...['--proxy-protocol', '--trusted-proxy', PROXY_SOURCE],
    ...['--penalty-scale', String(PENALTY_SCALE)]
  ]
  // The first one makes the schema and the accounts; the others find them.
  nodes.push(await startNodeProcess([...args, '--seed', seedFile]))
  for (let i = 1; i < NODE_COUNT; i++) nodes.push(await startNodeProcess(args))
  const statsSocket = join(folder, 'haproxy.sock')
  const proxy = await startHaproxy(
    nodes.map((node) => node.port),
    { source: PROXY_SOURCE, statsSocket }
  )
  proxies.push(proxy)
  return { proxy, statsSocket }
}

/** The node holding the one connection open (the receiver's poll), once there is just one. */
async function nodeHoldingThePoll(statsSocket: string): Promise<NodeProcess> {
  for (;;) {
    const open = [...(await connectionsPerNode(statsSocket))].filter(([, count]) => count > 0)
    const [name] = open.length === 1 && open[0]?.[1] === 1 ? open[0] : []
    const node = nodes[Number(name?.slice('node'.length)) - 1]
    if (node) return node
    await sleep(20)
  }
}

const postgres = await postgresProblem()
const missing =
  haproxyMissing() ??
  (await redisMissing()) ??
  (postgres === undefined ? undefined : `PostgreSQL cannot be reached: ${postgres}`)

describeWhenAvailable('a node killed mid-stream', missing, () => {
  it('loses no confirmed message and doubles none in the client’s history', async () => {
    const { proxy, statsSocket } = await cluster()
    const address = { address: `127.0.0.1:${proxy.port}` } as RunningServer
    const bob = new CoreClient()
    clients.push(bob)
    await bob.login(address, BOB)
    const alice = await new WireClient(proxy.port, ALICE).enter(PASSWORD)

    // A message at a time, 40 in all; what got RES=0 is confirmed. A request cut off by
    // the killing is not (the client never learned), and may arrive or not, but once.
    const sent: string[] = []
    const confirmed: string[] = []
    const send = async (text: string): Promise<void> => {
      sent.push(text)
      const reply = await alice.send({ cmd: 'CLTMSG', target: BOB, text }).catch(() => undefined)
      if (reply?.ok) confirmed.push(text)
      // Under the rate limit of the nodes (5 messages per 100 ms at this scale).
      await sleep(30)
    }
    let next = 1
    const stream = async (until: number) => {
      for (; next <= until; next++) await send(`message ${next}`)
    }

    await stream(10)
    await bob.waitForTexts(ALICE, confirmed.length, 20_000)
    // Nothing in flight but the receiver's poll: its node goes first.
    const holder = await nodeHoldingThePoll(statsSocket)
    const pollsBefore = bob.transport.of('GetMsgEx').length
    holder.child.kill('SIGKILL')
    expect(await holder.exited).toBe('SIGKILL')
    // The stream goes on at once, and halfway through another node dies, in the middle of
    // whatever it is doing.
    const rest = stream(40)
    while (next <= 25) await sleep(10)
    const second = nodes.find((node) => node !== holder)
    second?.child.kill('SIGKILL')
    await rest

    await bob.waitForTexts(ALICE, confirmed.length, 30_000)
    // Time for anything delivered twice to show up before the count.
    await sleep(500)
    const history = readHistory(bob.dataDir, address.address, BOB, ALICE)
    // Every confirmed message is there, each once, in the order sent; nothing else but
    // messages that were sent.
    expect(new Set(history).size).toBe(history.length)
    expect(history.filter((text) => confirmed.includes(text))).toEqual(confirmed)
    expect(history.every((text) => sent.includes(text))).toBe(true)
    expect(history).toEqual(sent.filter((text) => history.includes(text)))
    expect(bob.received(ALICE)).toEqual(history)
    // The poll the first node held was cut (no reply), and the core polled on elsewhere.
    const polls = bob.transport.of('GetMsgEx').slice(pollsBefore)
    expect(polls[0]?.outcome).toBe('NO_REPLY')
    expect(polls.at(-1)?.outcome).toBe(0)
    // Most of the stream was confirmed: the nodes left served it.
    expect(confirmed.length).toBeGreaterThan(sent.length / 2)
  })
})

/** The texts of `uin`'s stored conversation with `peer`, oldest first, read from the file. */
function readHistory(dataDir: string, server: string, uin: number, peer: number): string[] {
  const store = openAccountStore(dataDir, serverKey(server), uin)
  try {
    return store.messages.all(peer).map((message) => message.text)
  } finally {
    store.close()
  }
}
