/** Where the cluster tests find Redis, and whether it answers (no test hooks: global setup uses it). */
import { createConnection } from 'node:net'

export const REDIS_URL = process.env.QQ_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** Why the Redis tests cannot run here, or undefined when they can. */
export async function redisMissing(): Promise<string | undefined> {
  const { hostname, port } = new URL(REDIS_URL)
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) }, () => {
      socket.destroy()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
  return reachable ? undefined : `Redis at ${REDIS_URL} does not answer (set QQ_TEST_REDIS_URL)`
}
