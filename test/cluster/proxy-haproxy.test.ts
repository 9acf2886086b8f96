/**
 * A real HAProxy, configured by docs/cluster/haproxy.cfg, in front of two nodes: each node
 * learns the client's own address and source port from the PROXY v2 header, and takes the
 * health checks' LOCAL headers as HAProxy itself.
 */
import { connect } from 'node:net'
import { pino } from 'pino'
import { afterEach, expect, it } from 'vitest'
import { encodeRequest } from '../../src/shared/protocol/index.ts'
import { account, PASSWORD, serve } from '../integration/server/servers.ts'
import { httpRequest, md5, parseReplies } from '../integration/server/wire.ts'
import { haproxyMissing, startHaproxy, type RunningProxy } from './haproxy.ts'
import { describeWhenAvailable } from './when-available.ts'

const ME = 10001

const proxies: RunningProxy[] = []
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.stop()))
})

type LogRecord = Record<string, unknown>

async function node() {
  const records: LogRecord[] = []
  const log = pino({ base: undefined }, { write: (line: string) => records.push(JSON.parse(line)) })
  const server = await serve({
    seed: { accounts: [account(ME)] },
    log,
    trustedProxies: ['127.0.0.1'],
    tls: undefined
  })
  return { server, records }
}

/** Logs in through the proxy; the reply, and the source port the client connected from. */
function loginThrough(port: number, seq: number): Promise<{ body: string; sourcePort: number }> {
  const body = encodeRequest({ seq, uin: ME }, { cmd: 'Login', passwordMd5: md5(PASSWORD) })
  return new Promise((resolve, reject) => {
    let sourcePort = 0
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      sourcePort = socket.localPort ?? 0
      socket.write(httpRequest(body))
    })
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [reply] = parseReplies(Buffer.concat(chunks))
      resolve({ body: reply?.body ?? '', sourcePort })
    })
  })
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20))
}

describeWhenAvailable('HAProxy in front of two nodes (PROXY v2)', haproxyMissing(), () => {
  it('shows each node the client at 127.0.0.1 with its real source port', async () => {
    const nodes = [await node(), await node()]
    const proxy = await startHaproxy(nodes.map(({ server }) => server.port))
    proxies.push(proxy)
    // HAProxy's health checks reach every node as LOCAL: the proxy itself, with no port.
    const isCheck = (record: LogRecord) => record.cmd === 'Query_Stat' && record.res === 20
    await until(() => nodes.every(({ records }) => records.some(isCheck)))
    for (const { records } of nodes) {
      const check = records.find(isCheck)
      expect(check?.addr).toBe('127.0.0.1')
      expect(check).not.toHaveProperty('port')
    }

    const first = await loginThrough(proxy.port, 1)
    const second = await loginThrough(proxy.port, 2)
    expect([first.body, second.body]).toEqual([
      expect.stringMatching(/&RES=0&/),
      expect.stringMatching(/&RES=0&/)
    ])
    const logins = nodes.map(({ records }) => records.filter((record) => record.cmd === 'Login'))
    // Round robin: one login on each node, each seeing the client's own address and port.
    expect(logins.map((list) => list.length)).toEqual([1, 1])
    expect(logins.flat().map(({ addr, port }) => ({ addr, port }))).toEqual(
      expect.arrayContaining([
        { addr: '127.0.0.1', port: first.sourcePort },
        { addr: '127.0.0.1', port: second.sourcePort }
      ])
    )
    // Not HAProxy's own outgoing port: the client's.
    expect(first.sourcePort).not.toBe(second.sourcePort)
  })
})
