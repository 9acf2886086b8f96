/** The Redis the cluster tests use, each test under a key prefix of its own. */
import { randomUUID } from 'node:crypto'
import { afterEach } from 'vitest'
import { connectRedis, type RedisConnection } from '../../src/server/cluster/redis-connection.ts'
import { REDIS_URL } from './redis-reachable.ts'

export { REDIS_URL, redisMissing } from './redis-reachable.ts'

/** A prefix no other test or run uses. */
export const testPrefix = (): string => `qq-test:${randomUUID()}:`

const opened: RedisConnection[] = []
const prefixes = new Set<string>()

afterEach(async () => {
  await Promise.all(opened.splice(0).map((connection) => connection.close()))
  if (prefixes.size === 0) return
  const cleaner = await connectRedis(REDIS_URL, '')
  for (const prefix of prefixes) {
    const keys = await cleaner.commands.keys(`${prefix}*`)
    if (keys.length > 0) await cleaner.commands.del(keys)
  }
  prefixes.clear()
  await cleaner.close()
})

/** A connection as a node has it, closed (and its keys removed) after the test. */
export async function redisConnection(prefix: string): Promise<RedisConnection> {
  const connection = await connectRedis(REDIS_URL, prefix)
  opened.push(connection)
  prefixes.add(prefix)
  return connection
}

/** Forgets every key of a prefix, as a Redis restarted empty would. */
export async function flush(redis: RedisConnection): Promise<void> {
  const keys = await redis.commands.keys(`${redis.prefix}*`)
  if (keys.length > 0) await redis.commands.del(keys)
}
