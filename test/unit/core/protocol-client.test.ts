import { describe, expect, it } from 'vitest'
import { ProtocolClient } from '../../../src/core/protocol-client.ts'
import type { TransportRequest } from '../../../src/core/transport.ts'
import { decodeRequest } from '../../../src/shared/protocol/index.ts'

/** Answers each request with a body made from the request's own head. */
function clientReplying(makeReply: (seq: string, uin: string) => string) {
  const bodies: string[] = []
  const client = new ProtocolClient({
    server: '127.0.0.1:8000',
    uin: 10001,
    requestTimeoutMs: 40_000,
    transport: {
      post: async ({ body }: TransportRequest) => {
        bodies.push(body)
        const { head } = decodeRequest(body)
        return new TextEncoder().encode(makeReply(head.seq, head.uin))
      },
      close: async () => undefined
    }
  })
  return { client, bodies }
}

describe('protocol client', () => {
  it('sends VER=1.1 with a fresh SEQ per request and reads the typed reply', async () => {
    const { client, bodies } = clientReplying(
      (seq, uin) => `VER=1.1&CMD=LOGOUT&SEQ=${seq}&UIN=${uin}&RES=0`
    )
    await client.call({ cmd: 'Logout' })
    await client.call({ cmd: 'Logout' })
    const seqs = bodies.map((body) => decodeRequest(body).head.seq)
    expect(bodies[0]).toMatch(/^VER=1\.1&CMD=Logout&SEQ=\d+&UIN=10001$/)
    expect(new Set(seqs).size).toBe(2)
  })

  it('returns refusals with their RES for the caller to judge', async () => {
    const { client } = clientReplying((seq, uin) => `VER=1.1&CMD=LIST&SEQ=${seq}&UIN=${uin}&RES=20`)
    await expect(client.call({ cmd: 'List', count: 160, after: 0 })).resolves.toEqual({
      cmd: 'List',
      ok: false,
      res: 20
    })
  })

  it('a reply to another request (wrong SEQ) is a BAD_REPLY', async () => {
    const { client } = clientReplying((_seq, uin) => `VER=1.1&CMD=LOGOUT&SEQ=1&UIN=${uin}&RES=0`)
    await expect(client.call({ cmd: 'Logout' })).rejects.toMatchObject({ code: 'BAD_REPLY' })
  })

  it('a reply for another command or with broken fields is a BAD_REPLY naming the command', async () => {
    const { client } = clientReplying(
      (seq, uin) => `VER=1.1&CMD=GETMSGEX&SEQ=${seq}&UIN=${uin}&RES=0&MN=2&MT=9,&UN=1,&MG=a,`
    )
    await expect(client.call({ cmd: 'GetMsgEx', wait: 25, ack: '0' })).rejects.toMatchObject({
      code: 'BAD_REPLY',
      message: expect.stringContaining('GetMsgEx')
    })
    await expect(client.call({ cmd: 'Logout' })).rejects.toMatchObject({ code: 'BAD_REPLY' })
  })

  it('bytes that are not UTF-8 are a BAD_REPLY', async () => {
    const client = new ProtocolClient({
      server: '127.0.0.1:8000',
      uin: 10001,
      requestTimeoutMs: 40_000,
      transport: {
        post: async () => new Uint8Array([0x56, 0x3d, 0xff, 0xfe]),
        close: async () => undefined
      }
    })
    await expect(client.call({ cmd: 'Logout' })).rejects.toMatchObject({ code: 'BAD_REPLY' })
  })
})
