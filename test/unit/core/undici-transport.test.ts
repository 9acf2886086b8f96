import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createUndiciTransport } from '../../../src/core/undici-transport.ts'

/** A raw TCP peer that does one thing to every request: the failures HTTP can't express. */
async function rawServer(
  onRequest: (socket: Socket, request: string) => void
): Promise<{ server: Server; address: string }> {
  const server = createServer((socket) => {
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8')
      if (received.includes('\r\n\r\n') && received.endsWith('VER=1.1')) onRequest(socket, received)
    })
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { server, address: `127.0.0.1:${address.port}` }
}

const transport = createUndiciTransport()
const servers: Server[] = []

afterEach(async () => {
  await transport.close()
  for (const server of servers.splice(0)) server.close()
})

async function post(onRequest: (socket: Socket, request: string) => void, timeoutMs = 2_000) {
  const { server, address } = await rawServer(onRequest)
  servers.push(server)
  return transport.post({ server: address, body: 'VER=1.1', timeoutMs })
}

const reply = (body: string, status = '200 OK') =>
  `HTTP/1.1 ${status}\r\nServer: tencent imserver/1.0.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`

describe('undici transport', () => {
  it('posts text/plain UTF-8 with Connection: close and returns the body bytes', async () => {
    let seen = ''
    const bytes = await post((socket, request) => {
      seen = request
      socket.end(reply('VER=1.1&CMD=LOGOUT&SEQ=1&UIN=10001&RES=0'))
    })
    expect(new TextDecoder().decode(bytes)).toBe('VER=1.1&CMD=LOGOUT&SEQ=1&UIN=10001&RES=0')
    expect(seen).toMatch(/^POST \/ HTTP\/1\.1\r\n/)
    expect(seen.toLowerCase()).toContain('content-type: text/plain; charset=utf-8\r\n')
    expect(seen.toLowerCase()).toContain('connection: close\r\n')
  })

  it('a connection closed without a byte is the protocol’s NULL: NO_REPLY', async () => {
    await expect(post((socket) => socket.end())).rejects.toMatchObject({ code: 'NO_REPLY' })
  })

  it('a connection reset after the request went out: UNKNOWN_OUTCOME', async () => {
    await expect(post((socket) => socket.resetAndDestroy())).rejects.toMatchObject({
      code: 'UNKNOWN_OUTCOME'
    })
  })

  it('a reply cut off half-way: UNKNOWN_OUTCOME (the server had started answering)', async () => {
    const half = reply('VER=1.1&CMD=CLTMSG&SEQ=1&UIN=10001&RES=0&').slice(0, 60)
    await expect(post((socket) => socket.end(half))).rejects.toMatchObject({
      code: 'UNKNOWN_OUTCOME'
    })
  })

  it('something that is not HTTP: BAD_REPLY', async () => {
    await expect(post((socket) => socket.end('hello\r\n\r\n'))).rejects.toMatchObject({
      code: 'BAD_REPLY'
    })
  })

  it('an HTTP error status: BAD_REPLY', async () => {
    await expect(
      post((socket) => socket.end(reply('nope', '500 Internal Server Error')))
    ).rejects.toMatchObject({
      code: 'BAD_REPLY'
    })
  })

  it('no reply within the timeout: TIMEOUT', async () => {
    await expect(post(() => undefined, 200)).rejects.toMatchObject({ code: 'TIMEOUT' })
  })

  it('nobody listening: UNREACHABLE', async () => {
    const { server, address } = await rawServer(() => undefined)
    await new Promise((resolve) => server.close(resolve))
    await expect(
      transport.post({ server: address, body: 'VER=1.1', timeoutMs: 2_000 })
    ).rejects.toMatchObject({
      code: 'UNREACHABLE'
    })
  })

  it('a cancelled request is OFFLINE, not a server failure', async () => {
    const { server, address } = await rawServer(() => undefined)
    servers.push(server)
    const controller = new AbortController()
    const request = transport.post({
      server: address,
      body: 'VER=1.1',
      timeoutMs: 5_000,
      signal: controller.signal
    })
    setTimeout(() => controller.abort(), 50)
    await expect(request).rejects.toMatchObject({ code: 'OFFLINE' })
  })
})
