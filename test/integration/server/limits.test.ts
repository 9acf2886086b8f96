/** Limits: connections, slow clients; a held reply is not a slow client. */
import { describe, expect, it } from 'vitest'
import { connect, exchange, httpRequest, post, TestClient } from './wire.ts'
import { account, ON_NODES, PASSWORD, serve } from './servers.ts'

const ME = 10001
const seed = { accounts: [account(ME)] }
const logout = `VER=1.1&CMD=Logout&SEQ=1&UIN=${ME}`
const LOGOUT_OK = `VER=1.1&CMD=LOGOUT&SEQ=1&UIN=${ME}&RES=0`

describe('limits', () => {
  // The maximum is each node's: behind HAProxy the fourth connection goes to another node.
  it.skipIf(ON_NODES)(
    'refuses connections over the maximum, and accepts again when one closes',
    async () => {
      const server = await serve({ seed, maxConnections: 3 })
      const idle = await Promise.all(
        [1, 2, 3].map(
          () =>
            new Promise<ReturnType<typeof connect>>((resolve) => {
              const socket = connect(server.port, undefined, () => resolve(socket))
              socket.on('error', () => {})
            })
        )
      )
      await new Promise((resolve) => setTimeout(resolve, 50))
      const refused = await exchange(server.port, httpRequest(logout))
      expect(refused.bytes.toString()).toBe('')
      idle[0]?.destroy()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await post(server.port, logout)).toEqual([LOGOUT_OK])
      for (const socket of idle) socket.destroy()
    }
  )

  it.each([
    ['sends nothing', ['']],
    ['stops in the request line', ['POST / HT']],
    ['stops in the headers', ['POST / HTTP/1.1\r\nContent-Le']],
    ['stops in the body', [`POST / HTTP/1.1\r\nContent-Length: ${logout.length}\r\n\r\nVER=1.1`]],
    [
      'drips its headers a byte at a time',
      'POST / HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.split('')
    ]
  ])('cuts off a client that %s', async (_name, pieces) => {
    const server = await serve({ seed, requestTimeoutSeconds: 0.5 })
    const { bytes, ms } = await exchange(server.port, pieces, { pauseMs: 100, timeoutMs: 8000 })
    expect(bytes.toString()).toBe('')
    expect(ms).toBeGreaterThanOrEqual(400)
  })

  it('does not cut off a long poll held longer than the request timeout', async () => {
    const server = await serve({ seed, requestTimeoutSeconds: 0.5 })
    const me = await new TestClient(server.port, ME).enter(PASSWORD)
    expect(await me.send({ cmd: 'GetMsgEx', wait: 2 })).toMatchObject({
      ok: true,
      data: { messages: [] }
    })
  })
})
