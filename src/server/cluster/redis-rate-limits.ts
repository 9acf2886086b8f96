import { randomUUID } from 'node:crypto'
import {
  LOGIN_GUARD,
  RATE_LIMITS,
  type LoginGuard,
  type RateKind,
  type RateLimits
} from '../state/types.ts'
import { lua, type RedisConnection } from './redis-connection.ts'

/**
 * A sliding window as a sorted set of event times: the old ones drop out, and an event is
 * recorded only when there is room (refused attempts do not count). Atomic, so two nodes
 * cannot both take the last place.
 */
const TAKE = lua(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])))
return 1`)

/** Records a failure and keeps the window's key only as long as the window. */
const FAIL = lua(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])))
return 1`)

/** Each event needs a member of its own: two at the same millisecond are two events. */
const member = (now: number): string => `${now}:${randomUUID()}`

/** Each session's rate windows, shared by every node. */
export class RedisRateLimits implements RateLimits {
  readonly #redis: RedisConnection
  readonly #scale: number

  constructor(redis: RedisConnection, scale: number) {
    this.#redis = redis
    this.#scale = scale
  }

  #key(sessionId: string, kind: RateKind): string {
    return `${this.#redis.prefix}rate:${sessionId}:${kind}`
  }

  async take(sessionId: string, kind: RateKind, now: number): Promise<boolean> {
    const { limit, windowMs } = RATE_LIMITS[kind]
    const args = [String(now), String(windowMs * this.#scale), String(limit), member(now)]
    return (await this.#redis.run(TAKE, [this.#key(sessionId, kind)], args)) === 1
  }

  async forget(sessionId: string): Promise<void> {
    const kinds = Object.keys(RATE_LIMITS) as RateKind[]
    await this.#redis.commands.del(kinds.map((kind) => this.#key(sessionId, kind)))
  }
}

/** Wrong passwords per number and address, shared by every node; keys expire with the window. */
export class RedisLoginGuard implements LoginGuard {
  readonly #redis: RedisConnection
  readonly #windowMs: number

  constructor(redis: RedisConnection, scale: number) {
    this.#redis = redis
    this.#windowMs = LOGIN_GUARD.windowMs * scale
  }

  #key(address: string, uin: number): string {
    return `${this.#redis.prefix}guard:${uin}:${address}`
  }

  async blocked(address: string, uin: number, now: number): Promise<boolean> {
    const key = this.#key(address, uin)
    const recent = await this.#redis.commands.zCount(key, `(${now - this.#windowMs}`, '+inf')
    return recent >= LOGIN_GUARD.failures
  }

  async failed(address: string, uin: number, now: number): Promise<void> {
    const args = [String(now), String(this.#windowMs), member(now)]
    await this.#redis.run(FAIL, [this.#key(address, uin)], args)
  }

  async succeeded(address: string, uin: number): Promise<void> {
    await this.#redis.commands.del(this.#key(address, uin))
  }
}
