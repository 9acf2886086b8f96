/** The PROXY protocol (--proxy-protocol, --trusted-proxy): behind a load balancer. */
import { connect as connectPlain } from 'node:net'
import { connect as connectTls } from 'node:tls'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { encodeRequest } from '../../../src/shared/protocol/index.ts'
import { makeCertificate } from '../../../src/server/tls/certificate.ts'
import { proxyV1, proxyV2, proxyV2Local } from '../../fixtures/proxy-headers.ts'
import { account, PASSWORD, serve } from './servers.ts'
import { httpRequest, legacyRequest, md5, OVER_TLS, parseReplies } from './wire.ts'

const ME = 10001
const seed = { accounts: [account(ME)] }

interface Through {
  /** The connection's own address (the proxy's), any 127.x.y.z on loopback. */
  readonly localAddress?: string
  readonly host?: string
  /** After the header, TLS or plain, as the run does unless told. */
  readonly tls?: boolean
  /** Every piece written with this pause between them, so each is a TCP segment of its own. */
  readonly pauseMs?: number
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Writes `header` as a proxy would (in pieces when given several), then the request over
 * plain or TLS, and collects every reply byte until the server closes the connection.
 */
async function through(
  port: number,
  header: Buffer | readonly Buffer[],
  request: string,
  options: Through = {}
): Promise<string[]> {
  const socket = connectPlain({
    port,
    host: options.host ?? '127.0.0.1',
    localAddress: options.localAddress,
    noDelay: true
  })
  socket.on('error', () => {})
  const closed = new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('close', () => resolve(Buffer.concat(chunks)))
  })
  await new Promise((resolve) => socket.once('connect', resolve))
  for (const piece of [header].flat()) {
    if (socket.destroyed) break
    socket.write(piece)
    if (options.pauseMs) await pause(options.pauseMs)
  }
  if (!(options.tls ?? OVER_TLS)) {
    for (const piece of options.pauseMs ? chunksOf(request, 7) : [request]) {
      if (socket.destroyed) break
      socket.write(piece)
      if (options.pauseMs) await pause(options.pauseMs)
    }
    return parseReplies(await closed).map((reply) => reply.body)
  }
  // TLS inside the proxied connection: the PROXY header comes first, in the clear.
  const secure = connectTls({ socket, rejectUnauthorized: false })
  const chunks: Buffer[] = []
  secure.on('data', (chunk: Buffer) => chunks.push(chunk))
  secure.on('error', () => {})
  secure.write(request)
  await new Promise((resolve) => secure.on('close', resolve))
  return parseReplies(Buffer.concat(chunks)).map((reply) => reply.body)
}

const chunksOf = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
    text.slice(i * size, (i + 1) * size)
  )

/** A server taking PROXY headers from `trusted`, logging into a list of records. */
async function proxiedServer(trusted: string[], extra: Parameters<typeof serve>[0] = {}) {
  const lines: string[] = []
  const log = pino({ base: undefined }, { write: (line: string) => lines.push(line) })
  const server = await serve({ seed, log, trustedProxies: trusted, ...extra })
  const records = () =>
    lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .map(({ level, addr, port, cmd, res, why }) => ({ level, addr, port, cmd, res, why }))
  return { server, records }
}

const login = (seq = 1) =>
  httpRequest(
    encodeRequest({ seq, uin: ME }, { cmd: 'Login', passwordMd5: md5(PASSWORD), wantsKey: true })
  )
const list = (sessionKey: string, seq = 2) =>
  httpRequest(encodeRequest({ seq, uin: ME, sessionKey }, { cmd: 'List', count: 160 }))
const keyOf = (body: string | undefined) => /(?:^|&)SK=([^&]+)/.exec(body ?? '')?.[1] ?? ''

describe('the PROXY protocol', () => {
  it('keys the session by the client a v1 header names, and logs its address and port', async () => {
    const { server, records } = await proxiedServer(['127.0.0.1'])
    const [welcome] = await through(server.port, proxyV1('203.0.113.7', 40001), login())
    expect(welcome).toMatch(/RES=0/)
    const key = keyOf(welcome)
    // The same client through the proxy again: its session.
    expect(await through(server.port, proxyV1('203.0.113.7', 40002), list(key))).toEqual([
      expect.stringMatching(/&RES=0&/)
    ])
    // Another client behind the same proxy, with the key: not its session (RES=20).
    expect(await through(server.port, proxyV1('198.51.100.1', 40003), list(key))).toEqual([
      expect.stringMatching(/&RES=20/)
    ])
    expect(records()).toMatchObject([
      { level: 30, addr: '203.0.113.7', port: 40001, cmd: 'Login', res: 0 },
      { level: 30, addr: '203.0.113.7', port: 40002, cmd: 'List', res: 0 },
      { level: 30, addr: '198.51.100.1', port: 40003, cmd: 'List', res: 20 }
    ])
  })

  it('reads v2 for IPv4 and IPv6 clients, with TLVs after the addresses', async () => {
    const { server, records } = await proxiedServer(['127.0.0.0/8'])
    const tlvs = Buffer.from([0x05, 0x00, 0x02, 0x69, 0x64])
    await through(server.port, proxyV2('192.0.2.44', 1234, { tlvs }), login(), {
      localAddress: '127.0.0.3'
    })
    await through(server.port, proxyV2('2001:db8::44', 65000), login())
    expect(records()).toMatchObject([
      { addr: '192.0.2.44', port: 1234, cmd: 'Login', res: 0 },
      { addr: '2001:db8::44', port: 65000, cmd: 'Login', res: 0 }
    ])
  })

  it('takes a v2 LOCAL header (a health check) as the proxy itself', async () => {
    const { server, records } = await proxiedServer(['127.0.0.1'])
    expect(await through(server.port, proxyV2Local(), login())).toEqual([
      expect.stringMatching(/RES=0/)
    ])
    expect(records()).toEqual([
      { level: 30, addr: '127.0.0.1', cmd: 'Login', res: 0, port: undefined, why: undefined }
    ])
  })

  it('reads a header and a request cut into many TCP segments', async () => {
    const { server, records } = await proxiedServer(['127.0.0.1'])
    const header = proxyV2('192.0.2.5', 5555)
    const pieces = [...header].map((byte) => Buffer.from([byte]))
    expect(await through(server.port, pieces, login(), { pauseMs: 2 })).toEqual([
      expect.stringMatching(/RES=0/)
    ])
    const v1 = chunksOf(proxyV1('192.0.2.6', 6666).toString('latin1'), 5).map((text) =>
      Buffer.from(text, 'latin1')
    )
    await through(server.port, v1, login(), { pauseMs: 2 })
    expect(records()).toMatchObject([
      { addr: '192.0.2.5', port: 5555, res: 0 },
      { addr: '192.0.2.6', port: 6666, res: 0 }
    ])
  })

  it('refuses a PROXY header from an untrusted address, and logs it', async () => {
    const { server, records } = await proxiedServer(['127.0.0.2'])
    expect(await through(server.port, proxyV1('203.0.113.7', 1), login())).toEqual([])
    expect(await through(server.port, proxyV2('203.0.113.7', 1), login())).toEqual([])
    // Without a header, a client there is served as itself.
    expect(await through(server.port, Buffer.alloc(0), login())).toEqual([
      expect.stringMatching(/RES=0/)
    ])
    expect(records()).toEqual([
      {
        level: 40,
        addr: '127.0.0.1',
        res: 'NULL',
        why: 'PROXY header from an untrusted address',
        port: undefined,
        cmd: undefined
      },
      {
        level: 40,
        addr: '127.0.0.1',
        res: 'NULL',
        why: 'PROXY header from an untrusted address',
        port: undefined,
        cmd: undefined
      },
      { level: 30, addr: '127.0.0.1', cmd: 'Login', res: 0, port: undefined, why: undefined }
    ])
  })

  it('closes a trusted connection without a valid header, or with garbage', async () => {
    const { server, records } = await proxiedServer(['127.0.0.1'])
    const garbage = [
      Buffer.alloc(0),
      Buffer.from('PROXY TCP4 nonsense\r\n'),
      Buffer.from(
        'PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32'
      ),
      proxyV2('1.2.3.4', 1, { command: 0x2f }),
      Buffer.from('\x00\x01\x02garbage\r\n\r\n')
    ]
    for (const header of garbage) expect(await through(server.port, header, login())).toEqual([])
    expect(records().map(({ level, res, why }) => ({ level, res, why }))).toEqual([
      { level: 40, res: 'NULL', why: 'no PROXY header from a trusted proxy' },
      { level: 40, res: 'NULL', why: 'PROXY v1 line malformed' },
      { level: 40, res: 'NULL', why: 'PROXY v1 line without its end' },
      { level: 40, res: 'NULL', why: 'PROXY v2 unknown version or command' },
      { level: 40, res: 'NULL', why: 'no PROXY header from a trusted proxy' }
    ])
  })

  it('reads the header before TLS or plain on one port (D-27), and before a legacy request', async () => {
    const certificate = await makeCertificate(['127.0.0.1'])
    const { server, records } = await proxiedServer(['127.0.0.1'], { tls: certificate })
    await through(server.port, proxyV2('192.0.2.7', 7), login(1), { tls: true })
    await through(server.port, proxyV2('192.0.2.8', 8), login(2), { tls: false })
    const body = encodeRequest({ seq: 3, uin: ME }, { cmd: 'Login', passwordMd5: md5(PASSWORD) })
    await through(server.port, proxyV1('192.0.2.9', 9), legacyRequest(body), { tls: false })
    expect(records()).toMatchObject([
      { addr: '192.0.2.7', port: 7, res: 0 },
      { addr: '192.0.2.8', port: 8, res: 0 },
      { addr: '192.0.2.9', port: 9, res: 0 }
    ])
  })

  it('believes a proxy on IPv6, and refuses an untrusted one there', async () => {
    const { server, records } = await proxiedServer(['::1/128'], { host: '::1' })
    await through(server.port, proxyV2('192.0.2.10', 10), login(), { host: '::1' })
    const { server: other, records: refused } = await proxiedServer(['fd00::/8'], { host: '::1' })
    expect(await through(other.port, proxyV2('192.0.2.11', 11), login(), { host: '::1' })).toEqual(
      []
    )
    expect(records()).toMatchObject([{ addr: '192.0.2.10', port: 10, res: 0 }])
    expect(refused()).toMatchObject([
      { addr: '::1', why: 'PROXY header from an untrusted address' }
    ])
  })
})
