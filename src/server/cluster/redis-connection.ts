import { createHash } from 'node:crypto'
import { createClient, type RedisClientType } from 'redis'

export type RedisClient = RedisClientType

/** A Lua script, run by its SHA-1 (loaded again when Redis has forgotten it). */
export interface LuaScript {
  readonly source: string
  readonly sha: string
}

export function lua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') }
}

/** Redis could not be reached at start. */
export class RedisUnreachableError extends Error {
  readonly code = 'REDIS_UNREACHABLE'
}

/** The two connections a node keeps: one for commands, one subscribed to wake-ups. */
export interface RedisConnection {
  readonly commands: RedisClient
  readonly subscriber: RedisClient
  /** Every key and channel of this deployment starts with this. */
  readonly prefix: string
  run(script: LuaScript, keys: readonly string[], args: readonly string[]): Promise<unknown>
  close(): Promise<void>
}

/** Tries this often at start before giving up; once connected, it tries again for ever. */
const START_ATTEMPTS = 3

function client(url: string): RedisClient {
  let connected = false
  const made: RedisClient = createClient({
    url,
    // A command while Redis is away fails at once (the request gets NULL and its client
    // retries) instead of waiting in a queue for a Redis that may come back empty.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries, cause) =>
        !connected && retries >= START_ATTEMPTS ? cause : Math.min(50 * 2 ** retries, 1000)
    }
  })
  made.on('ready', () => (connected = true))
  // The client reconnects by itself; each request in between fails on its own.
  made.on('error', () => {})
  return made
}

export async function connectRedis(url: string, prefix: string): Promise<RedisConnection> {
  const commands = client(url)
  const subscriber = client(url)
  try {
    await Promise.all([commands.connect(), subscriber.connect()])
  } catch (error) {
    await Promise.all([commands, subscriber].map((one) => one.destroy()))
    const reason = error instanceof Error ? error.message : String(error)
    throw new RedisUnreachableError(`Redis at ${url} cannot be reached: ${reason}`)
  }
  return {
    commands,
    subscriber,
    prefix,
    run: async (script, keys, args) => {
      const options = { keys: [...keys], arguments: [...args] }
      try {
        return await commands.evalSha(script.sha, options)
      } catch (error) {
        // A Redis restarted (or flushed) has no scripts loaded: EVAL loads it again.
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error
        return commands.eval(script.source, options)
      }
    },
    close: async () => {
      await Promise.all([commands, subscriber].map((one) => one.close().catch(() => {})))
    }
  }
}
