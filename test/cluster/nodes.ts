/**
 * Issue 15: three nodes on one PostgreSQL schema and one Redis prefix, behind a real HAProxy
 * in round robin, standing in for "the server" of a test. Any node serves any request, so
 * what a test sees through HAProxy is what a client of a cluster sees.
 */
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.ts'
import { startHaproxy, type HaproxyOptions } from './haproxy.ts'

/**
 * HAProxy reaches the nodes from this address, the only one whose PROXY headers they
 * believe; the rest of 127.0.0.0/8 still talks to a node directly (a demo bot, a test).
 */
export const PROXY_SOURCE = '127.0.0.250'

export const NODE_COUNT = 3

export interface RunningCluster extends RunningServer {
  /** The nodes, in HAProxy's order (node1, node2, …). */
  readonly nodes: readonly RunningServer[]
}

/**
 * Starts the nodes, each with `options` (the same store and Redis), then HAProxy in front.
 * Only the first node imports the seed and makes the demo set (and runs the bot): the others
 * find them in the shared store, as a cluster's later nodes do.
 */
export async function startCluster(
  options: ServerOptions,
  perNode: (index: number) => ServerOptions = () => ({}),
  proxy: HaproxyOptions = {}
): Promise<RunningCluster> {
  const nodeOptions = (index: number): ServerOptions => ({
    ...options,
    ...(index > 0 && { seed: undefined, demo: undefined }),
    port: 0,
    trustedProxies: [PROXY_SOURCE],
    ...perNode(index)
  })
  const nodes: RunningServer[] = [await startServer(nodeOptions(0))]
  const closeNodes = () => Promise.all(nodes.map((node) => node.close()))
  try {
    for (let i = 1; i < NODE_COUNT; i++) nodes.push(await startServer(nodeOptions(i)))
  } catch (error) {
    await closeNodes()
    throw error
  }
  const haproxy = await startHaproxy(
    nodes.map((node) => node.port),
    { source: PROXY_SOURCE, ...proxy }
  ).catch(async (error: unknown) => {
    await closeNodes()
    throw error
  })
  const [first] = nodes as [RunningServer]
  let closed: Promise<void> | undefined
  return {
    ...first,
    port: haproxy.port,
    address: `127.0.0.1:${haproxy.port}`,
    nodes,
    inFlight: () => nodes.reduce((sum, node) => sum + node.inFlight(), 0),
    // The nodes first, so that they answer the polls they hold through HAProxy.
    close: () => (closed ??= closeNodes().then(() => haproxy.stop()))
  }
}
