import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, inject } from 'vitest'
import { connectRedis } from '../../../src/server/cluster/redis-connection.ts'
import { startServer, type RunningServer, type ServerOptions } from '../../../src/server/index.ts'
import type { SeedAccount } from '../../../src/server/index.ts'
import { hashPassword } from '../../../src/server/storage/passwords.ts'
import { makeCertificate } from '../../../src/server/tls/certificate.ts'
import { OVER_TLS } from './wire.ts'
import { dropSchemas, freshSchema, ON_POSTGRES, storeUrl } from '../../cluster/postgres.ts'
import { startCluster } from '../../cluster/nodes.ts'
import { REDIS_URL } from '../../cluster/redis-reachable.ts'

/** Every test account's password. */
export const PASSWORD = 'secret'

/**
 * One hash of PASSWORD at the lowest scrypt cost, shared by the test accounts: what is
 * tested is the protocol, and 40 ms of scrypt per account would make the suite slow.
 */
export const PASSWORD_HASH = await hashPassword(PASSWORD, { N: 16, r: 1, p: 1 })

/** The certificate every server of a TLS run serves (one per run: making one takes a while). */
export const TEST_CERTIFICATE = OVER_TLS ? await makeCertificate(['127.0.0.1']) : undefined

/** Penalties of 20 s / 30 s become 0.2 s / 0.3 s, rate windows 30 ms / 50 ms. */
export const SCALE = 0.01

export function account(uin: number, extra: Partial<SeedAccount> = {}): SeedAccount {
  return { uin, passwordHash: PASSWORD_HASH, nick: `user${uin}`, ...extra }
}

const running: RunningServer[] = []
const folders: string[] = []
/** In a PostgreSQL run: the schema that stands for each data folder (or for none). */
const schemas = new Map<string, string>()

/**
 * The cluster projects (QQ_TEST_STORE=postgres) without PostgreSQL (or, for three nodes,
 * Redis and HAProxy) skip every test, or fail them with QQ_REQUIRE_CLUSTER=1 as CI runs.
 */
export const CLUSTER_MISSING = ON_POSTGRES && inject('clusterProblem') !== ''

if (CLUSTER_MISSING) {
  beforeEach((context) => {
    if (process.env.QQ_REQUIRE_CLUSTER === '1') throw new Error(inject('clusterProblem'))
    context.skip()
  })
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
  await forgetRedisKeys()
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  const dropped = [...schemas.values()]
  schemas.clear()
  await dropSchemas(dropped)
})

/**
 * With QQ_TEST_CLUSTER=nodes (project cluster-nodes) "the server" of a test is three nodes
 * behind HAProxy in round robin (test/cluster/nodes.ts), on PostgreSQL and Redis.
 */
export const ON_NODES = process.env.QQ_TEST_CLUSTER === 'nodes'

/**
 * With QQ_TEST_REDIS=1 the same suites run with the live state in Redis (QQ_TEST_REDIS_URL,
 * default redis://127.0.0.1:6379), each server (or cluster) under a key prefix of its own.
 */
const ON_REDIS = process.env.QQ_TEST_REDIS === '1' || ON_NODES
const redisPrefixes: string[] = []
const redisOptions = (): ServerOptions => {
  if (!ON_REDIS) return {}
  const redisPrefix = `qq-test:${randomUUID()}:`
  redisPrefixes.push(redisPrefix)
  return { redis: REDIS_URL, redisPrefix }
}

/** What the servers of a test left in Redis goes with them. */
async function forgetRedisKeys(): Promise<void> {
  if (redisPrefixes.length === 0) return
  const redis = await connectRedis(REDIS_URL, '')
  for (const prefix of redisPrefixes.splice(0)) {
    const keys = await redis.commands.keys(`${prefix}*`)
    if (keys.length > 0) await redis.commands.del(keys)
  }
  await redis.close()
}

/**
 * Where a server keeps its data in this run: as asked (SQLite), or, in a PostgreSQL run, a
 * schema of its own for each data folder (a restart on the same folder finds its data) and
 * a fresh one for each server without one.
 */
function storeOf(options: ServerOptions): ServerOptions {
  if (!ON_POSTGRES || options.store !== undefined) return options
  const { dataDir, ...rest } = options
  let schema = dataDir === undefined ? undefined : schemas.get(dataDir)
  if (schema === undefined) {
    schema = freshSchema()
    schemas.set(dataDir ?? schema, schema)
  }
  return { ...rest, store: storeUrl(schema) }
}

/** A server on a free port (or a cluster behind HAProxy's), closed after the test. */
export async function serve(options: ServerOptions = {}): Promise<RunningServer> {
  const complete: ServerOptions = {
    port: 0,
    penaltyScale: SCALE,
    tls: TEST_CERTIFICATE,
    ...redisOptions(),
    ...storeOf(options)
  }
  // HAProxy's health checks would add requests of their own to the logs some suites read,
  // and no node goes away in these suites: they run without them.
  const server = ON_NODES
    ? await startCluster(complete, () => ({}), { checks: false })
    : await startServer(complete)
  running.push(server)
  return server
}

/**
 * Resolves once `server` is answering a request (a held poll, a held penalty): a test that
 * closes the server then knows the request reached it, however long the way through
 * HAProxy took on a busy machine.
 */
export async function untilAnswering(server: RunningServer): Promise<void> {
  while (server.inFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 10))
}

/** A fresh data folder, removed after the test. */
export function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'http-qq-server-'))
  folders.push(folder)
  return folder
}
