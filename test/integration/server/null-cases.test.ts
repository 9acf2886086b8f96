/** "NULL" (section 1): a malformed request is answered by closing the connection, no byte sent. */
import { beforeEach, describe, expect, it } from 'vitest'
import { exchange, httpRequest, md5, post, TestClient } from './wire.ts'
import { account, PASSWORD, serve } from './servers.ts'

const ME = 10001
const PEER = 10002
const head = (cmd: string, uin: string = String(ME)) => `VER=1.1&CMD=${cmd}&SEQ=4321&UIN=${uin}`
const LOGIN = `&PS=${md5(PASSWORD)}&M5=1&LC=9326B87B234E7235`

/** Each body would get a reply if the part that makes it malformed were right. */
const malformed: [string, string | Buffer][] = [
  ['an unknown VER', `VER=2.0&CMD=Logout&SEQ=4321&UIN=${ME}`],
  ['no VER', `CMD=Logout&SEQ=4321&UIN=${ME}`],
  ['an unknown CMD', head('Hello')],
  ['no CMD', `VER=1.1&SEQ=4321&UIN=${ME}`],
  ['a SEQ that is not digits', `VER=1.1&CMD=Logout&SEQ=12a&UIN=${ME}`],
  ['a SEQ of 11 digits', `VER=1.1&CMD=Logout&SEQ=12345678901&UIN=${ME}`],
  ['no SEQ', `VER=1.1&CMD=Logout&UIN=${ME}`],
  ['a duplicate key', `${head('Logout')}&UIN=${ME}`],
  ['a pair without =', `${head('Logout')}&XY`],
  ['a lower-case key', `${head('Logout')}&ab=1`],
  ['a key of five letters', `${head('Logout')}&ABCDE=1`],
  ['a key starting with a digit', `${head('Logout')}&1A=1`],
  [
    'a body that is not UTF-8',
    Buffer.concat([Buffer.from(`${head('Logout')}&XX=`), Buffer.from([0xff, 0xfe])])
  ],
  ['an empty body', ''],
  ...[
    'Login',
    'List',
    'Query_Stat',
    'GetInfo',
    'AddToList',
    'Ack_AddToList',
    'DelFromList',
    'Change_Stat',
    'GetMsgEx',
    'CLTMSG',
    'Logout'
  ].map((cmd): [string, string] => [`${cmd} with a UIN that is not a number`, head(cmd, 'abc')]),
  ['Login with an empty PS', `${head('Login')}&PS=&M5=1&LC=9326B87B234E7235`],
  ['Login with a wrong LC', `${head('Login')}&PS=${md5(PASSWORD)}&M5=1&LC=9326B87B234E7236`],
  ['Login without LC', `${head('Login')}&PS=${md5(PASSWORD)}&M5=1`],
  ['List with a TN that is not a number', `${head('List')}&TN=ab&UN=0`],
  ['List with a UN that is not a number', `${head('List')}&TN=160&UN=x`],
  ['Query_Stat with a TN that is not a number', `${head('Query_Stat')}&TN=ab&UN=0`],
  ['Query_Stat with a UN that is not a number', `${head('Query_Stat')}&TN=160&UN=x`],
  ['GetInfo with an LV that is not a number', `${head('GetInfo')}&LV=a&UN=${PEER}`],
  ['GetInfo with a UN that is not a number', `${head('GetInfo')}&LV=0&UN=x`],
  ['AddToList with a UN that is not a number', `${head('AddToList')}&UN=x`],
  ['Ack_AddToList with a UN that is not a number', `${head('Ack_AddToList')}&UN=x&CD=2&RS=hi`],
  [
    'Ack_AddToList with a CD that is not a number',
    `${head('Ack_AddToList')}&UN=${PEER}&CD=x&RS=hi`
  ],
  [
    'Ack_AddToList with an RS that is not UTF-8',
    `${head('Ack_AddToList')}&UN=${PEER}&CD=2&RS=%ff%fe`
  ],
  ['DelFromList with a UN that is not a number', `${head('DelFromList')}&UN=x`],
  ...[0, 5, 15, 25, 35, 45, 50, 55, 60].map((st): [string, string] => [
    `Change_Stat with ST=${st}`,
    `${head('Change_Stat')}&ST=${st}`
  ]),
  ['Change_Stat with an ST that is not a number', `${head('Change_Stat')}&ST=on`],
  ['CLTMSG with a UN that is not a number', `${head('CLTMSG')}&UN=x&MG=hi`],
  ['CLTMSG with an MG that is not UTF-8', `${head('CLTMSG')}&UN=${PEER}&MG=%c3%28`],
  ['CLTMSG with an empty MG', `${head('CLTMSG')}&UN=${PEER}&MG=`],
  ['CLTMSG with an MG over 1,500 bytes', `${head('CLTMSG')}&UN=${PEER}&MG=${'好'.repeat(501)}`]
]

/** One 40 KiB chunk of a chunked body. */
const CHUNK_40K = `${(40 * 1024).toString(16)}\r\n${'A'.repeat(40 * 1024)}\r\n`

describe('NULL', () => {
  let port = 0
  beforeEach(async () => {
    const server = await serve({
      seed: { accounts: [account(ME, { friends: [PEER] }), account(PEER)] }
    })
    port = server.port
    await new TestClient(port, ME).enter(PASSWORD)
  })

  it.each(malformed)('%s', async (_name, body) => {
    const request = Buffer.concat([
      Buffer.from(
        httpRequest('').replace('Content-Length: 0', `Content-Length: ${Buffer.byteLength(body)}`)
      ),
      Buffer.from(body)
    ])
    const { bytes } = await exchange(port, request)
    expect(bytes.toString()).toBe('')
    // The server is unharmed and the session still there.
    expect(await post(port, `${head('List')}&TN=160&UN=0`)).toEqual([
      `${head('LIST')}&RES=0&FN=1&SN=1&UN=${PEER},`
    ])
  })

  it.each([
    ['a GET', `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`],
    ['a request line the parser cannot read', `POST / HTTP/1.1 extra\r\nContent-Length: 0\r\n\r\n`],
    ['garbage', `\u0000\u0001 hello there\r\n\r\n`],
    [
      'headers over 16 KiB',
      `POST / HTTP/1.1\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\nContent-Length: 0\r\n\r\n`
    ],
    [
      'a chunked body over 64 KiB',
      `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n${CHUNK_40K}${CHUNK_40K}0\r\n\r\n`
    ]
  ])('%s', async (_name, raw) => {
    const { bytes } = await exchange(port, raw)
    expect(bytes.toString()).toBe('')
  })

  it('Login with the right fields but M5 anything still logs in (M5 is not understood)', async () => {
    const replies = await post(port, `${head('Login')}${LOGIN.replace('M5=1', 'M5=7')}`)
    expect(replies).toEqual([`${head('LOGIN')}&RES=0&RS=0&HI=60&LI=300`])
  })
})
