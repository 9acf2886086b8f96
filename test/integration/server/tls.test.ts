/** Section 8.2, D-27: TLS and plain on the server's one port. */
import { connect as connectPlain } from 'node:net'
import { connect as connectTls, type TLSSocket } from 'node:tls'
import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makeCertificate } from '../../../src/server/tls/certificate.ts'
import { Connection, exchange, httpRequest, parseReplies } from './wire.ts'
import { account, serve } from './servers.ts'

const ME = 10001
const seed = { accounts: [account(ME)] }
const logout = (seq: number) => `VER=1.1&CMD=Logout&SEQ=${seq}&UIN=${ME}`
const LOGOUT_OK = (seq: number) => `VER=1.1&CMD=LOGOUT&SEQ=${seq}&UIN=${ME}&RES=0`
const certificate = await makeCertificate(['127.0.0.1', 'localhost'])

const bodiesOf = async (port: number, tls: boolean, seq = 1) =>
  parseReplies((await exchange(port, httpRequest(logout(seq)), { tls })).bytes).map((r) => r.body)

/** Resolves when the server closes the connection; the bytes it sent before. */
function untilClosed(socket: { on(event: string, listener: (chunk?: Buffer) => void): void }) {
  const chunks: Buffer[] = []
  return new Promise<Buffer>((resolve) => {
    socket.on('data', (chunk) => chunks.push(chunk as Buffer))
    socket.on('error', () => {})
    socket.on('close', () => resolve(Buffer.concat(chunks)))
  })
}

describe('TLS on the same port (D-27)', () => {
  it('answers TLS and plain clients on one port at once, with the certificate it names', async () => {
    const server = await serve({ seed, tls: certificate })
    const [plain, secure] = await Promise.all([
      bodiesOf(server.port, false, 1),
      bodiesOf(server.port, true, 2)
    ])
    expect(plain).toEqual([LOGOUT_OK(1)])
    expect(secure).toEqual([LOGOUT_OK(2)])
    expect(server.fingerprint).toBe(new X509Certificate(certificate.cert).fingerprint256)
    const seen = await new Promise<string>((resolve, reject) => {
      const socket = connectTls(
        { port: server.port, host: '127.0.0.1', rejectUnauthorized: false },
        () => {
          resolve(socket.getPeerCertificate().fingerprint256)
          socket.destroy()
        }
      )
      socket.on('error', reject)
    })
    expect(seen).toBe(server.fingerprint)
  })

  it('keeps a TLS connection alive and answers pipelined requests in order', async () => {
    const server = await serve({ seed, tls: certificate })
    const connection = new Connection(server.port, undefined, true)
    const keepAlive = (body: string) => httpRequest(body, { Connection: 'keep-alive' })
    expect((await connection.send(keepAlive(logout(1)))).body).toBe(LOGOUT_OK(1))
    expect((await connection.send(keepAlive(logout(2)))).body).toBe(LOGOUT_OK(2))
    connection.write(keepAlive(logout(3)) + keepAlive(logout(4)) + keepAlive(logout(5)))
    const replies = [await connection.next(), await connection.next(), await connection.next()]
    expect(replies.map((r) => r.reply.body)).toEqual([LOGOUT_OK(3), LOGOUT_OK(4), LOGOUT_OK(5)])
    expect(connection.isClosed).toBe(false)
    connection.end()
  })

  it('gives a plain request NULL with --require-tls, and answers the same over TLS', async () => {
    const server = await serve({ seed, tls: certificate, requireTls: true })
    expect(await bodiesOf(server.port, false)).toEqual([])
    expect(await bodiesOf(server.port, true)).toEqual([LOGOUT_OK(1)])
  })

  it('cuts off a TLS handshake that never finishes, as it cuts a slow first line', async () => {
    const server = await serve({ seed, tls: certificate, requestTimeoutSeconds: 0.3 })
    // The first bytes of a ClientHello record, and then nothing.
    const socket = connectPlain({ port: server.port, host: '127.0.0.1' }, () =>
      socket.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]))
    )
    expect((await untilClosed(socket)).length).toBe(0)
  })

  it('cuts off a finished handshake whose request never comes', async () => {
    const server = await serve({ seed, tls: certificate, requestTimeoutSeconds: 0.3 })
    const socket: TLSSocket = connectTls({
      port: server.port,
      host: '127.0.0.1',
      rejectUnauthorized: false
    })
    expect((await untilClosed(socket)).length).toBe(0)
  })

  it('closes a connection whose handshake is garbage, with a TLS alert and no HTTP reply', async () => {
    const server = await serve({ seed, tls: certificate })
    const socket = connectPlain({ port: server.port, host: '127.0.0.1' }, () =>
      socket.write(Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0x00, 0x20]), Buffer.alloc(32)]))
    )
    const bytes = await untilClosed(socket)
    // A TLS alert record (type 21), nothing of HTTP.
    expect(bytes[0]).toBe(21)
    expect(bytes.toString('latin1')).not.toContain('HTTP')
  })
})
