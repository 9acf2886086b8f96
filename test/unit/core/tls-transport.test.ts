/** The undici transport over TLS (D-27): system authorities, or the one accepted certificate. */
import { X509Certificate } from 'node:crypto'
import { createServer as createPlainServer, type AddressInfo, type Server } from 'node:net'
import { createServer, type TLSSocket } from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import { createUndiciTransport } from '../../../src/core/undici-transport.ts'
import { makeCertificate } from '../../../src/server/tls/certificate.ts'

const certificate = await makeCertificate(['127.0.0.1'])
const FINGERPRINT = new X509Certificate(certificate.cert).fingerprint256
const OTHER = (await makeCertificate(['127.0.0.1'])).cert
const OTHER_FINGERPRINT = new X509Certificate(OTHER).fingerprint256
const BODY = 'VER=1.1&CMD=LOGOUT&SEQ=1&UIN=10001&RES=0'
const REPLY = `HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`

const transport = createUndiciTransport()
const servers: Server[] = []

afterEach(async () => {
  await transport.close()
  for (const server of servers.splice(0)) server.close()
})

/** A TLS server that answers every request with BODY; `received` is every byte it was sent. */
async function tlsServer() {
  const state = { received: '', server: '' }
  const server = createServer(certificate, (socket: TLSSocket) => {
    socket.on('data', (chunk: Buffer) => {
      state.received += chunk.toString('utf8')
      if (state.received.endsWith('VER=1.1')) socket.end(REPLY)
    })
    socket.on('error', () => undefined)
  })
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  state.server = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}

const post = (server: string, fingerprint?: string) =>
  transport.post({ server, body: 'VER=1.1', timeoutMs: 2_000, fingerprint })

describe('undici transport over TLS', () => {
  it('refuses a certificate no authority vouches for, naming its fingerprint, before sending', async () => {
    const peer = await tlsServer()
    const refusal = post(peer.server)
    await expect(refusal).rejects.toMatchObject({
      code: 'UNTRUSTED_CERTIFICATE',
      fingerprint: FINGERPRINT
    })
    expect(peer.received).toBe('')
  })

  it('uses the certificate whose fingerprint was accepted', async () => {
    const peer = await tlsServer()
    const bytes = await post(peer.server, FINGERPRINT)
    expect(new TextDecoder().decode(bytes)).toBe(BODY)
    expect(peer.received).toMatch(/^POST \/ HTTP\/1\.1\r\n/)
  })

  it('checks the certificate of every connection, never resuming a session without one', async () => {
    const peer = await tlsServer()
    for (let i = 0; i < 3; i++) {
      expect(new TextDecoder().decode(await post(peer.server, FINGERPRINT))).toBe(BODY)
    }
  })

  it('refuses another certificate than the accepted one as CERTIFICATE_CHANGED, before sending', async () => {
    const peer = await tlsServer()
    await expect(post(peer.server, OTHER_FINGERPRINT)).rejects.toMatchObject({
      code: 'CERTIFICATE_CHANGED',
      fingerprint: FINGERPRINT
    })
    expect(peer.received).toBe('')
  })

  it('asks again with the accepted fingerprint after a refusal', async () => {
    const peer = await tlsServer()
    await expect(post(peer.server)).rejects.toMatchObject({ code: 'UNTRUSTED_CERTIFICATE' })
    expect(new TextDecoder().decode(await post(peer.server, FINGERPRINT))).toBe(BODY)
  })

  it('a server that does not speak TLS was never reached: UNREACHABLE', async () => {
    const plain = createPlainServer((socket) => {
      socket.on('error', () => undefined)
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')
    })
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
    servers.push(plain)
    const server = `https://127.0.0.1:${(plain.address() as AddressInfo).port}`
    await expect(post(server, FINGERPRINT)).rejects.toMatchObject({ code: 'UNREACHABLE' })
  })
})
