import { randomUUID } from 'node:crypto'
import { MAX_WAIT_SECONDS, STATUS, type Status } from '../../shared/protocol/index.ts'
import { keyMatches } from '../state/session-key.ts'
import type { LiveStateOptions, Session, SessionTable } from '../state/types.ts'
import { lua, type RedisConnection } from './redis-connection.ts'

/**
 * How long a held poll keeps its session from expiring, past the longest `WT`. A node killed
 * while it held the poll cannot release it: the session then expires this long after.
 */
const HOLD_MS = (MAX_WAIT_SECONDS + 5) * 1000

/*
 * Keys, under the deployment's prefix:
 *   session:<uin>  hash id, addr, key (D-26, absent when unkeyed), status, held
 *   idle           sorted set of UINs by the time their session expires (D-9)
 *   presence       hash UIN → status, for a friend list's statuses in one command
 * The scripts keep the three in step; each runs atomically, so a session ends once.
 */

/** Returns the fields of the session it ends (for onEnd), or nothing. */
const END_IF_CURRENT = `
local function finish(key, uin)
  local fields = redis.call('HGETALL', key)
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[2], uin)
  redis.call('HDEL', KEYS[3], uin)
  return fields
end`

/** A login: this client's own session is refreshed, anyone else's ends first (D-10). */
const LOGIN = lua(`${END_IF_CURRENT}
local id = redis.call('HGET', KEYS[1], 'id')
local replaced = {}
if id and redis.call('HGET', KEYS[1], 'addr') == ARGV[2] then
  redis.call('HSET', KEYS[1], 'status', ARGV[5])
else
  if id then replaced = finish(KEYS[1], ARGV[1]) end
  id = ARGV[4]
  redis.call('HSET', KEYS[1], 'id', id, 'addr', ARGV[2], 'status', ARGV[5], 'held', 0)
end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], 'key') else redis.call('HSET', KEYS[1], 'key', ARGV[3]) end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])
return {id, replaced}`)

const SET_STATUS = lua(`
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[2] then return false end
local before = redis.call('HGET', KEYS[1], 'status')
redis.call('HSET', KEYS[1], 'status', ARGV[3])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
return before`)

const END = lua(`${END_IF_CURRENT}
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[2] then return {} end
return finish(KEYS[1], ARGV[1])`)

/** A held poll: the session stays at least HOLD_MS (a node that dies cannot release it). */
const HOLD = lua(`
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[2] then return 0 end
redis.call('HINCRBY', KEYS[1], 'held', 1)
redis.call('ZADD', KEYS[2], 'GT', ARGV[3], ARGV[1])
return 1`)

/** The poll is answered: with none left held, the session is idle from now. */
const RELEASE = lua(`
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[2] then return 0 end
if redis.call('HINCRBY', KEYS[1], 'held', -1) <= 0 then
  redis.call('HSET', KEYS[1], 'held', 0)
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
end
return 1`)

/** Ends the sessions past their time, a hundred at a time: [uin, fields, uin, fields, …]. */
const SWEEP = lua(`
local ended = {}
for _, uin in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, 100)) do
  local key = ARGV[1] .. uin
  ended[#ended + 1] = uin
  ended[#ended + 1] = redis.call('HGETALL', key)
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[1], uin)
  redis.call('HDEL', KEYS[2], uin)
end
return ended`)

type Fields = Record<string, string>

/** HGETALL's reply from a script: a flat list of names and values. */
function fieldsOf(flat: unknown): Fields {
  const list = Array.isArray(flat) ? (flat as unknown[]) : []
  const fields: Fields = {}
  for (let i = 0; i + 1 < list.length; i += 2) fields[String(list[i])] = String(list[i + 1])
  return fields
}

function sessionOf(uin: number, fields: Fields): Session | undefined {
  if (fields.id === undefined || fields.addr === undefined) return undefined
  return {
    id: fields.id,
    uin,
    address: fields.addr,
    key: fields.key,
    status: Number(fields.status ?? STATUS.ONLINE) as Status
  }
}

/**
 * Sessions in Redis, shared by every node: any node answers any request. Idle sessions end
 * by a sweep that every node runs (every quarter of `LI`, at most 5 s); the script that
 * ends them runs atomically, so each is ended, and announced, by exactly one node. Redis
 * restarted empty has no sessions: clients get RES=20 and log in again.
 */
export class RedisSessions implements SessionTable {
  readonly #redis: RedisConnection
  readonly #options: LiveStateOptions
  readonly #sweeper: NodeJS.Timeout

  constructor(redis: RedisConnection, options: LiveStateOptions) {
    this.#redis = redis
    this.#options = options
    const every = Math.max(20, Math.min(5000, options.idleMs / 4))
    this.#sweeper = setInterval(() => void this.#sweep().catch(() => {}), every)
    this.#sweeper.unref()
  }

  #key(uin: number): string {
    return `${this.#redis.prefix}session:${uin}`
  }

  /** The keys every session script takes: the session, the idle set, the presence hash. */
  #keys(uin: number): string[] {
    const prefix = this.#redis.prefix
    return [this.#key(uin), `${prefix}idle`, `${prefix}presence`]
  }

  #expiry(): string {
    return String(this.#options.now() + this.#options.idleMs)
  }

  async find(address: string, uin: number, key: string | undefined): Promise<Session | undefined> {
    const session = await this.current(uin)
    if (!session || session.address !== address) return undefined
    if (session.key !== undefined && !keyMatches(session.key, key)) return undefined
    // Only ever later: a held poll's longer time stays. Not awaited: the request need not
    // wait a second round trip for its session to count as active.
    const idle = `${this.#redis.prefix}idle`
    const expiry = { score: Number(this.#expiry()), value: String(uin) }
    this.#redis.commands.zAdd(idle, expiry, { GT: true }).catch(() => {})
    return session
  }

  async current(uin: number): Promise<Session | undefined> {
    return sessionOf(uin, await this.#redis.commands.hGetAll(this.#key(uin)))
  }

  async statuses(uins: readonly number[]): Promise<ReadonlyMap<number, Status>> {
    const found = new Map<number, Status>()
    if (uins.length === 0) return found
    const presence = `${this.#redis.prefix}presence`
    const values = await this.#redis.commands.hmGet(presence, uins.map(String))
    uins.forEach((uin, i) => {
      const status = values[i]
      if (status !== null && status !== undefined) found.set(uin, Number(status) as Status)
    })
    return found
  }

  async login(address: string, uin: number, key: string | undefined): Promise<Session> {
    const args = [String(uin), address, key ?? '', randomUUID(), String(STATUS.ONLINE)]
    const reply = (await this.#redis.run(LOGIN, this.#keys(uin), [...args, this.#expiry()])) as [
      string,
      unknown
    ]
    const replaced = sessionOf(uin, fieldsOf(reply[1]))
    if (replaced) await this.#options.onEnd(replaced)
    return { id: reply[0], uin, address, key, status: STATUS.ONLINE }
  }

  async setStatus(session: Session, status: Status): Promise<Status | undefined> {
    const args = [String(session.uin), session.id, String(status)]
    const before = await this.#redis.run(SET_STATUS, this.#keys(session.uin), args)
    return before === null || before === undefined ? undefined : (Number(before) as Status)
  }

  async end(session: Session): Promise<void> {
    const args = [String(session.uin), session.id]
    const ended = sessionOf(
      session.uin,
      fieldsOf(await this.#redis.run(END, this.#keys(session.uin), args))
    )
    if (ended) await this.#options.onEnd(ended)
  }

  async hold(session: Session): Promise<void> {
    const until = String(this.#options.now() + Math.max(HOLD_MS, this.#options.idleMs))
    await this.#redis.run(HOLD, this.#keys(session.uin), [String(session.uin), session.id, until])
  }

  async release(session: Session): Promise<void> {
    const args = [String(session.uin), session.id, this.#expiry()]
    await this.#redis.run(RELEASE, this.#keys(session.uin), args)
  }

  async stop(): Promise<void> {
    clearInterval(this.#sweeper)
  }

  /** D-9: ends the sessions that sent nothing for `LI` and hold no request. */
  async #sweep(): Promise<void> {
    const prefix = this.#redis.prefix
    const keys = [`${prefix}idle`, `${prefix}presence`]
    const args = [`${prefix}session:`, String(this.#options.now())]
    const ended = (await this.#redis.run(SWEEP, keys, args)) as unknown[]
    for (let i = 0; i + 1 < ended.length; i += 2) {
      const session = sessionOf(Number(ended[i]), fieldsOf(ended[i + 1]))
      // Nobody waits for an idle session's end; a notice that fails is lost (see onEnd).
      if (session) this.#options.onEnd(session).catch(() => {})
    }
  }
}
