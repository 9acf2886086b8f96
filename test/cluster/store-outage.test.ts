/**
 * Issue 15: PostgreSQL unreachable. Requests that need it get no reply (NULL, so clients
 * try again), never a RES=0 that confirms nothing; once it is back, the node serves again
 * by itself, and what was confirmed before is all there.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { account, PASSWORD, serve } from '../integration/server/servers.ts'
import { TestClient } from '../integration/server/wire.ts'
import { dropSchemas, freshSchema, POSTGRES_URL, storeUrl } from './postgres.ts'
import { TcpProxy } from './tcp-proxy.ts'

const ALICE = 10001
const BOB = 10002
const seed = { accounts: [account(ALICE), account(BOB)] }

const proxies: TcpProxy[] = []
const schemas: string[] = []

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()))
  await dropSchemas(schemas.splice(0))
})

/** A server whose PostgreSQL is reached through a proxy the test can cut. */
async function serveBehindProxy() {
  const database = new URL(POSTGRES_URL)
  const proxy = await TcpProxy.start(database.hostname, Number(database.port || 5432))
  proxies.push(proxy)
  const schema = freshSchema()
  schemas.push(schema)
  const url = new URL(POSTGRES_URL)
  url.host = `127.0.0.1:${proxy.port}`
  const server = await serve({ store: storeUrl(schema, url.toString()), seed })
  return { server, proxy }
}

describe('PostgreSQL unreachable', () => {
  it('gets NULL instead of a false RES=0, and the node recovers by itself', async () => {
    const { server, proxy } = await serveBehindProxy()
    const alice = await new TestClient(server.port, ALICE).enter(PASSWORD)
    const bob = await new TestClient(server.port, BOB).enter(PASSWORD)
    expect(await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'before' })).toMatchObject({
      ok: true
    })

    proxy.cut()
    await expect(alice.send({ cmd: 'CLTMSG', target: BOB, text: 'during' })).rejects.toThrow(
      'no reply (NULL)'
    )
    await expect(bob.inbox()).rejects.toThrow('no reply (NULL)')
    await expect(new TestClient(server.port, BOB).login(PASSWORD)).rejects.toThrow(
      'no reply (NULL)'
    )

    proxy.restore()
    expect(await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'after' })).toMatchObject({
      ok: true
    })
    expect(await bob.inbox()).toEqual([`9:${ALICE}:before`, `9:${ALICE}:after`])
  })

  it('a server that cannot reach it at start says so and does not start', async () => {
    const { proxy } = await serveBehindProxy()
    proxy.cut()
    const url = new URL(POSTGRES_URL)
    url.host = `127.0.0.1:${proxy.port}`
    await expect(serve({ store: storeUrl(freshSchema(), url.toString()) })).rejects.toThrow(
      /^PostgreSQL at 127\.0\.0\.1:\d+\/\w+ \(schema t_\w+\): /
    )
  })
})
