import type { LiveState, LiveStateOptions } from '../state/types.ts'
import type { RedisConnection } from './redis-connection.ts'
import { RedisLoginGuard, RedisRateLimits } from './redis-rate-limits.ts'
import { RedisSessions } from './redis-sessions.ts'
import { RedisWaiters } from './redis-waiters.ts'

/**
 * The live state of a cluster node in Redis, shared with the other nodes: sessions and
 * presence, rate windows, the login guard, and long-poll wake-ups by pub/sub. Closing it
 * closes the connection.
 */
export function createRedisState(redis: RedisConnection, options: LiveStateOptions): LiveState {
  const sessions = new RedisSessions(redis, options)
  return {
    sessions,
    rateLimits: new RedisRateLimits(redis, options.rateScale),
    loginGuard: new RedisLoginGuard(redis, options.rateScale),
    waiters: new RedisWaiters(redis),
    close: async () => {
      await sessions.stop()
      await redis.close()
    }
  }
}
