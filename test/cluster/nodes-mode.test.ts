/**
 * Run by the cluster-nodes project only (QQ_TEST_CLUSTER=nodes): "the server" the protocol
 * suites start there is three nodes behind HAProxy, not one process. Under test/cluster/, so
 * .ci/run fails a run in which it did not pass (and with it, the project did not run).
 */
import { expect, it } from 'vitest'
import { account, ON_NODES, PASSWORD, serve } from '../integration/server/servers.ts'
import { TestClient } from '../integration/server/wire.ts'
import { NODE_COUNT, type RunningCluster } from './nodes.ts'

it('the protocol suites of this project meet three nodes behind HAProxy', async () => {
  expect(ON_NODES).toBe(true)
  const server = (await serve({ seed: { accounts: [account(10001)] } })) as RunningCluster
  expect(server.nodes).toHaveLength(NODE_COUNT)
  expect(server.nodes.map((node) => node.port)).not.toContain(server.port)
  // Any node serves the session the first one opened.
  await new TestClient(server.port, 10001).enter(PASSWORD)
  const [, second] = server.nodes
  const direct = new TestClient(second?.port ?? 0, 10001)
  expect(await direct.send({ cmd: 'List', count: 160 })).toMatchObject({ ok: true })
})
