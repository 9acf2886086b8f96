/** Section 1: everything the clients of 2005 sent is accepted; replies are exact. */
import { describe, expect, it } from 'vitest'
import { Connection, exchange, md5, parseReplies, post, TestClient } from './wire.ts'
import { account, PASSWORD, serve } from './servers.ts'

const ME = 10001
const FRIEND = 10002
const seed = { accounts: [account(ME, { friends: [FRIEND] }), account(FRIEND)] }
const loginBody = `VER=1.1&CMD=Login&SEQ=1001&UIN=${ME}&PS=${md5(PASSWORD)}&M5=1&LC=9326B87B234E7235`
const logoutBody = `VER=1.1&CMD=Logout&SEQ=1002&UIN=${ME}`
const LOGIN_OK = `VER=1.1&CMD=LOGIN&SEQ=1001&UIN=${ME}&RES=0&RS=0&HI=60&LI=300`
const LOGOUT_OK = `VER=1.1&CMD=LOGOUT&SEQ=1002&UIN=${ME}&RES=0`

function request(body: string, requestLine: string, headers: string[]): string {
  const length = `Content-Length: ${Buffer.byteLength(body)}`
  return [requestLine, ...headers, length, '', body].join('\r\n')
}

const bodiesOf = async (port: number, raw: string | string[], pauseMs = 0) =>
  parseReplies((await exchange(port, raw, { pauseMs })).bytes).map((reply) => reply.body)

describe('request framings of the time', () => {
  it.each([
    ['no target', 'POST HTTP/1.1'],
    ['no target, two spaces', 'POST  HTTP/1.1'],
    ['a target', 'POST / HTTP/1.1'],
    ['another target', 'POST /qq HTTP/1.1'],
    ['HTTP/1.0 without a target', 'POST HTTP/1.0']
  ])('%s (%s), no Host header', async (_name, line) => {
    const server = await serve({ seed })
    const raw = request(loginBody, line, ['Connection: close'])
    expect(await bodiesOf(server.port, raw)).toEqual([LOGIN_OK])
  })

  it.each([
    ['text/plain', ['Content-Type: text/plain; charset=UTF-8'], 'a+b c'],
    ['no Content-Type', [], 'a+b c'],
    [
      'form-urlencoded, where + is a space',
      ['Content-Type: application/x-www-form-urlencoded'],
      'a b c'
    ]
  ])('%s', async (_name, headers, received) => {
    const server = await serve({ seed })
    const friend = await new TestClient(server.port, FRIEND).enter(PASSWORD)
    await new TestClient(server.port, ME).enter(PASSWORD)
    await friend.inbox()
    const body = `VER=1.1&CMD=CLTMSG&SEQ=1003&UIN=${ME}&UN=${FRIEND}&MG=a+b c`
    const raw = request(body, 'POST HTTP/1.1', [...headers, 'Connection: close'])
    expect(await bodiesOf(server.port, raw)).toEqual([
      `VER=1.1&CMD=CLTMSG&SEQ=1003&UIN=${ME}&RES=0&`
    ])
    expect(await friend.inbox()).toEqual([`9:${ME}:${received}`])
  })

  it('a blank line after the body that Content-Length does not count', async () => {
    const server = await serve({ seed })
    const raw = request(loginBody, 'POST HTTP/1.1', ['Connection: close']) + '\r\n\r\n'
    expect(await bodiesOf(server.port, raw)).toEqual([LOGIN_OK])
  })

  it('a request that arrives in small pieces, the request line split too', async () => {
    const server = await serve({ seed })
    const raw = request(loginBody, 'POST HTTP/1.1', ['Connection: close'])
    const pieces = raw.match(/[\s\S]{1,7}/g) ?? []
    expect(await bodiesOf(server.port, pieces, 2)).toEqual([LOGIN_OK])
  })

  it('Expect: 100-continue from a client that sends the body after 0.5 s anyway', async () => {
    const server = await serve({ seed })
    const raw = request(loginBody, 'POST HTTP/1.1', ['Expect: 100-continue', 'Connection: close'])
    const split = raw.indexOf('\r\n\r\n') + 4
    const { bytes } = await exchange(server.port, [raw.slice(0, split), raw.slice(split)], {
      pauseMs: 500
    })
    const text = bytes.toString('utf8')
    expect(text.startsWith('HTTP/1.1 100 Continue\r\n\r\n')).toBe(true)
    expect(parseReplies(bytes.subarray('HTTP/1.1 100 Continue\r\n\r\n'.length))).toMatchObject([
      { body: LOGIN_OK }
    ])
  })

  it('a body over 64 KiB is refused without a reply, before it is read', async () => {
    const server = await serve({ seed })
    const head = `POST / HTTP/1.1\r\nContent-Length: ${64 * 1024 + 1}\r\n\r\n`
    const { bytes } = await exchange(server.port, head)
    expect(bytes.length).toBe(0)
  })
})

describe('replies', () => {
  it('carry exactly Server, Content-Type, an exact Content-Length, no Date, no trailing newline', async () => {
    const server = await serve({ seed })
    const { bytes } = await exchange(
      server.port,
      request(loginBody, 'POST / HTTP/1.1', ['Connection: close'])
    )
    const [reply] = parseReplies(bytes)
    expect(reply?.head).toBe('HTTP/1.1 200 OK')
    expect(reply?.headers).toEqual([
      'Server: tencent imserver/1.0.0',
      'Content-Type: text/plain; charset=UTF-8',
      `Content-Length: ${LOGIN_OK.length}`,
      'Connection: close'
    ])
    expect(bytes.toString('utf8').endsWith(LOGIN_OK)).toBe(true)
  })

  it('count UTF-8 bytes in Content-Length', async () => {
    const nick = '好友 😀'
    const server = await serve({ seed: { accounts: [account(ME), account(FRIEND, { nick })] } })
    await new TestClient(server.port, ME).enter(PASSWORD)
    const info = `VER=1.1&CMD=GetInfo&SEQ=1&UIN=${ME}&LV=0&UN=${FRIEND}`
    const { bytes } = await exchange(server.port, request(info, 'POST / HTTP/1.0', []))
    const body = `VER=1.1&CMD=GETINFO&SEQ=1&UIN=${ME}&RES=0&LV=0&UN=${FRIEND}&NK=${nick}`
    const [reply] = parseReplies(bytes)
    expect(reply?.body).toBe(body)
    expect(reply?.headers).toContain(`Content-Length: ${Buffer.byteLength(body)}`)
  })
})

describe('connections (D-25)', () => {
  it('keep three requests on one connection, then close after Connection: close', async () => {
    const server = await serve({ seed })
    const connection = new Connection(server.port)
    const first = await connection.send(request(loginBody, 'POST / HTTP/1.1', []))
    const second = await connection.send(
      request(`VER=1.1&CMD=List&SEQ=1004&UIN=${ME}&TN=160&UN=0`, 'POST / HTTP/1.1', [
        'Connection: Keep-Alive'
      ])
    )
    const third = await connection.send(
      request(logoutBody, 'POST / HTTP/1.1', ['Connection: close'])
    )
    expect([first.body, second.body, third.body]).toEqual([
      LOGIN_OK,
      `VER=1.1&CMD=LIST&SEQ=1004&UIN=${ME}&RES=0&FN=1&SN=1&UN=${FRIEND},`,
      LOGOUT_OK
    ])
    expect(first.headers).not.toContain('Connection: close')
    expect(second.headers).not.toContain('Connection: close')
    expect(third.headers).toContain('Connection: close')
    await connection.closed
  })

  it('keep three target-less requests with blank lines after their bodies on one connection', async () => {
    const server = await serve({ seed })
    const connection = new Connection(server.port)
    const legacy = (body: string, headers: string[] = ['Connection: Keep-Alive']) =>
      request(body, 'POST HTTP/1.1', headers) + '\r\n\r\n'
    const replies = [
      await connection.send(legacy(loginBody)),
      await connection.send(legacy(`VER=1.1&CMD=GetMsgEx&SEQ=1005&UIN=${ME}`)),
      await connection.send(legacy(logoutBody))
    ]
    expect(replies.map((reply) => reply.body)).toEqual([
      LOGIN_OK,
      `VER=1.1&CMD=GETMSGEX&SEQ=1005&UIN=${ME}&RES=0&MN=0&MT=&UN=&MG=`,
      LOGOUT_OK
    ])
    expect(connection.isClosed).toBe(false)
    connection.end()
  })

  it('answer requests sent back to back (pipelined) in order', async () => {
    const server = await serve({ seed })
    const bodies = await bodiesOf(server.port, [
      request(loginBody, 'POST HTTP/1.1', []) +
        request(`VER=1.1&CMD=Query_Stat&SEQ=7&UIN=${ME}`, 'POST HTTP/1.1', []) +
        request(logoutBody, 'POST HTTP/1.1', ['Connection: close'])
    ])
    expect(bodies).toEqual([
      LOGIN_OK,
      `VER=1.1&CMD=QUERY_STAT&SEQ=7&UIN=${ME}&RES=0&FN=0`,
      `VER=1.1&CMD=QUERY_STAT&SEQ=7&UIN=${ME}&RES=0&FC=&FN=1&SN=0&ST=&UN=&NK=`,
      LOGOUT_OK
    ])
  })

  it('HTTP/1.0 closes unless asked to keep the connection, and says so', async () => {
    const server = await serve({ seed })
    const closing = await exchange(server.port, request(logoutBody, 'POST / HTTP/1.0', []))
    expect(parseReplies(closing.bytes)[0]?.headers).toContain('Connection: close')
    const connection = new Connection(server.port)
    const kept = await connection.send(
      request(logoutBody, 'POST / HTTP/1.0', ['Connection: keep-alive'])
    )
    expect(kept.headers).toContain('Connection: keep-alive')
    expect(
      (await connection.send(request(logoutBody, 'POST / HTTP/1.0', ['Connection: keep-alive'])))
        .body
    ).toBe(LOGOUT_OK)
    connection.end()
  })
})

describe('request bodies', () => {
  it('are read in any key order, any CMD case, VER 1.0 to 1.2, echoing VER, SEQ and UIN as sent (D-2, D-6, D-7)', async () => {
    const server = await serve({ seed })
    await new TestClient(server.port, ME).enter(PASSWORD)
    expect(await post(server.port, `UIN=${ME}&SEQ=0042&CMD=list&VER=1.0&TN=160`)).toEqual([
      `VER=1.0&CMD=LIST&SEQ=0042&UIN=${ME}&RES=0&FN=1&SN=1&UN=${FRIEND},`
    ])
    expect(
      await post(server.port, `VER=1.2&CMD=GETINFO&SEQ=7&UIN=0${ME}&LV=0&UN= ${FRIEND} `)
    ).toEqual([`VER=1.2&CMD=GETINFO&SEQ=7&UIN=0${ME}&RES=0&LV=0&UN=${FRIEND}&NK=user${FRIEND}`])
  })
})
