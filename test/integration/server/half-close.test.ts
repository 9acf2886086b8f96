/**
 * A client that writes its request and then shuts its sending side (`shutdown(SHUT_WR)`, what
 * `printf … | nc` and many scripts do) still reads its reply: every request whose bytes
 * arrived is answered, then the connection closes.
 */
import { describe, expect, it } from 'vitest'
import { encodeRequest } from '../../../src/shared/protocol/index.ts'
import { exchange, httpRequest, legacyRequest, md5, parseReplies, TestClient } from './wire.ts'
import { account, PASSWORD, serve } from './servers.ts'

const ME = 10001
const FRIEND = 10002
const seed = { accounts: [account(ME, { friends: [FRIEND] }), account(FRIEND)] }
const loginBody = `VER=1.1&CMD=Login&SEQ=1001&UIN=${ME}&PS=${md5(PASSWORD)}&M5=1&LC=9326B87B234E7235`
const LOGIN_OK = `VER=1.1&CMD=LOGIN&SEQ=1001&UIN=${ME}&RES=0&RS=0&HI=60&LI=300`

const halfClosed = async (port: number, raw: string | string[]): Promise<string[]> =>
  parseReplies((await exchange(port, raw, { halfClose: true })).bytes).map((r) => r.body)

describe('a client that half-closes after its request', () => {
  it('gets its Login answered (a reply that takes a moment: the password hash)', async () => {
    const server = await serve({ seed })
    expect(await halfClosed(server.port, httpRequest(loginBody))).toEqual([LOGIN_OK])
  })

  it('gets its Login answered through the rewriter of request lines without a target', async () => {
    const server = await serve({ seed })
    expect(await halfClosed(server.port, legacyRequest(loginBody))).toEqual([LOGIN_OK])
  })

  it('gets a penalty answered when it is due', async () => {
    // A status window of 300 ms, wide enough for a busy machine; a penalty of 2 s.
    const server = await serve({ seed, penaltyScale: 0.1 })
    const me = await new TestClient(server.port, ME).enter(PASSWORD)
    expect(await me.send({ cmd: 'Change_Stat', status: 30 })).toMatchObject({ ok: true })
    const second = encodeRequest({ seq: 7, uin: ME }, { cmd: 'Change_Stat', status: 40 })
    expect(await halfClosed(server.port, httpRequest(second))).toEqual([
      `VER=1.1&CMD=Change_Stat&SEQ=7&UIN=${ME}&RES=3`
    ])
  })

  it('gets a long poll answered at once, taking nothing from its queue', async () => {
    // A client that shut its sending side looks the same as one that closed its socket: a
    // poll held for it could hand its messages to nobody.
    const server = await serve({ seed })
    const me = await new TestClient(server.port, ME).enter(PASSWORD)
    const friend = await new TestClient(server.port, FRIEND).enter(PASSWORD)
    await me.inbox()
    const poll = `VER=1.1&CMD=GetMsgEx&SEQ=8&UIN=${ME}&WT=600`
    expect(await halfClosed(server.port, httpRequest(poll))).toEqual([
      `VER=1.1&CMD=GETMSGEX&SEQ=8&UIN=${ME}&RES=0&MN=0&MT=&UN=&MG=`
    ])
    await friend.send({ cmd: 'CLTMSG', target: ME, text: 'still there?' })
    expect(await me.inbox()).toEqual([`9:${FRIEND}:still there?`])
  })

  it('gets a long poll answered at once with the messages waiting', async () => {
    const server = await serve({ seed })
    const me = await new TestClient(server.port, ME).enter(PASSWORD)
    const friend = await new TestClient(server.port, FRIEND).enter(PASSWORD)
    await me.inbox()
    await friend.send({ cmd: 'CLTMSG', target: ME, text: 'here' })
    const poll = `VER=1.1&CMD=GetMsgEx&SEQ=9&UIN=${ME}&WT=600&AK=0`
    const [reply] = await halfClosed(server.port, httpRequest(poll))
    expect(reply).toMatch(/&MN=1&MT=9,&UN=10002,&MG=here,&/)
  })

  it('gets every request it sent kept alive answered in order, then the connection closes', async () => {
    const server = await serve({ seed })
    const keepAlive = { Connection: 'keep-alive' }
    const logout = `VER=1.1&CMD=Logout&SEQ=1002&UIN=${ME}`
    expect(
      await halfClosed(
        server.port,
        httpRequest(loginBody, keepAlive) + httpRequest(logout, keepAlive)
      )
    ).toEqual([LOGIN_OK, `VER=1.1&CMD=LOGOUT&SEQ=1002&UIN=${ME}&RES=0`])
  })

  it('that sent only part of a request gets no reply and is closed at once', async () => {
    const server = await serve({ seed, requestTimeoutSeconds: 3600 })
    const raw = httpRequest(loginBody)
    expect(await halfClosed(server.port, raw.slice(0, 10))).toEqual([])
    expect(await halfClosed(server.port, raw.slice(0, -5))).toEqual([])
  })
})
