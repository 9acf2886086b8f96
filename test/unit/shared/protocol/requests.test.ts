import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeRequest,
  encodeRequest,
  LOGIN_CONSTANT,
  type Request
} from '../../../../src/shared/protocol/index.ts'

const md5 = '5f4dcc3b5aa765d61d8327deb882cf99'
const head = { seq: 4321, uin: 10001 }

const examples: Request[] = [
  { cmd: 'Login', passwordMd5: md5 },
  { cmd: 'List', count: 160, after: 0 },
  { cmd: 'Query_Stat', count: 160, after: 106814 },
  { cmd: 'GetInfo', level: 3, target: 106814 },
  { cmd: 'AddToList', target: 106814 },
  { cmd: 'Ack_AddToList', target: 106814, kind: 2, reason: '我是 Hackfan, 加我 & 好吗?' },
  { cmd: 'DelFromList', target: 106814 },
  { cmd: 'Change_Stat', status: 30 },
  { cmd: 'GetMsgEx', wait: 25, ack: '7' },
  { cmd: 'GetMsgEx' },
  { cmd: 'CLTMSG', target: 106814, text: 'a&b=c,d 100%' },
  { cmd: 'Logout' }
]

describe('requests', () => {
  it('writes VER, CMD, SEQ and UIN first, as the seed does', () => {
    expect(encodeRequest(head, { cmd: 'Login', passwordMd5: md5 })).toBe(
      `VER=1.1&CMD=Login&SEQ=4321&UIN=10001&PS=${md5}&M5=1&LC=${LOGIN_CONSTANT}`
    )
    expect(encodeRequest(head, { cmd: 'CLTMSG', target: 106814, text: 'TEST' })).toBe(
      'VER=1.1&CMD=CLTMSG&SEQ=4321&UIN=10001&UN=106814&MG=TEST'
    )
  })

  it('writes the session key of D-26 after UIN, so it comes before MG (D-4)', () => {
    const key = '0123456789abcdef0123456789abcdef'
    const keyed = { ...head, sessionKey: key }
    const text = encodeRequest(keyed, { cmd: 'CLTMSG', target: 106814, text: 'SK=1&x' })
    expect(text).toBe(`VER=1.1&CMD=CLTMSG&SEQ=4321&UIN=10001&SK=${key}&UN=106814&MG=SK=1%26x`)
    expect(decodeRequest(text)).toMatchObject({ sessionKey: key, request: { text: 'SK=1&x' } })
  })

  it('never puts a session key on Login, whose SK=1 asks for a new one', () => {
    const keyed = { ...head, sessionKey: '0123456789abcdef0123456789abcdef' }
    const text = encodeRequest(keyed, { cmd: 'Login', passwordMd5: md5, wantsKey: true })
    expect(text).toBe(
      `VER=1.1&CMD=Login&SEQ=4321&UIN=10001&PS=${md5}&M5=1&LC=${LOGIN_CONSTANT}&SK=1`
    )
    expect(decodeRequest(text)).toMatchObject({
      sessionKey: undefined,
      request: { cmd: 'Login', wantsKey: true }
    })
  })

  for (const request of examples) {
    it(`reads back what it writes: ${request.cmd}`, () => {
      const decoded = decodeRequest(encodeRequest(head, request))
      expect(decoded.uin).toBe(10001)
      expect(decoded.head).toEqual({ ver: '1.1', seq: '4321', uin: '10001' })
      expect(decoded.request).toMatchObject(request)
    })
  }

  it('reads any message text back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), (text) => {
        const decoded = decodeRequest(encodeRequest(head, { cmd: 'CLTMSG', target: 106814, text }))
        expect(decoded.request).toEqual({ cmd: 'CLTMSG', target: 106814, text })
      })
    )
  })

  it('accepts keys in any order and CMD in any case (D-2)', () => {
    const decoded = decodeRequest('UIN=10001&SEQ=12&CMD=getinfo&UN=5&LV=1&VER=1.0')
    expect(decoded.request).toEqual({ cmd: 'GetInfo', level: 1, target: 5 })
    expect(decoded.head.ver).toBe('1.0')
  })

  it('keeps the echoed fields byte for byte', () => {
    expect(decodeRequest('VER=1.2&CMD=Logout&SEQ=0042&UIN= 10001').head).toEqual({
      ver: '1.2',
      seq: '0042',
      uin: ' 10001'
    })
  })

  it('reads a legacy message with raw &, = and commas (D-4)', () => {
    const decoded = decodeRequest('VER=1.1&CMD=CLTMSG&SEQ=1&UIN=10001&UN=106814&MG=a&b=c,d&e')
    expect(decoded.request).toEqual({ cmd: 'CLTMSG', target: 106814, text: 'a&b=c,d&e' })
  })

  it('reads + as a space in form-encoded bodies', () => {
    const body = 'VER=1.1&CMD=CLTMSG&SEQ=1&UIN=10001&UN=106814&MG=hello+world'
    expect(decodeRequest(body, { plusIsSpace: true }).request).toMatchObject({
      text: 'hello world'
    })
    expect(decodeRequest(body).request).toMatchObject({ text: 'hello+world' })
  })

  it('trims a numeric field but not the password hash, which it trims separately', () => {
    const decoded = decodeRequest(
      `VER=1.1&CMD=Login&SEQ=1&UIN=10001&PS=${md5} &M5=1&LC=${LOGIN_CONSTANT}`
    )
    expect(decoded.request).toEqual({ cmd: 'Login', passwordMd5: md5 })
  })

  it('caps a long poll at 30 s', () => {
    expect(decodeRequest('VER=1.1&CMD=GetMsgEx&SEQ=1&UIN=10001&WT=600').request).toEqual({
      cmd: 'GetMsgEx',
      wait: 30,
      ack: undefined
    })
  })
})

describe('requests that get NULL', () => {
  const base = 'VER=1.1&SEQ=1234&UIN=10001'
  const cases: [string, string, string][] = [
    ['a wrong version', 'VER=2.0&CMD=Logout&SEQ=1&UIN=10001', 'UNSUPPORTED_VERSION'],
    ['no version', 'CMD=Logout&SEQ=1&UIN=10001', 'UNSUPPORTED_VERSION'],
    ['an unknown command', `${base}&CMD=Hello`, 'UNKNOWN_COMMAND'],
    ['a SEQ of letters', 'VER=1.1&CMD=Logout&SEQ=abc&UIN=10001', 'INVALID_NUMBER'],
    ['a SEQ of 11 digits', 'VER=1.1&CMD=Logout&SEQ=12345678901&UIN=10001', 'INVALID_NUMBER'],
    ['a UIN of letters', 'VER=1.1&CMD=Logout&SEQ=1&UIN=abc', 'INVALID_NUMBER'],
    ['Login with an empty PS', `${base}&CMD=Login&PS=&M5=1&LC=${LOGIN_CONSTANT}`, 'INVALID_VALUE'],
    [
      'Login with a wrong LC',
      `${base}&CMD=Login&PS=${md5}&M5=1&LC=1223423545756679`,
      'INVALID_VALUE'
    ],
    ['List with TN of letters', `${base}&CMD=List&TN=abc`, 'INVALID_NUMBER'],
    ['Query_Stat with UN of letters', `${base}&CMD=Query_Stat&TN=160&UN=x`, 'INVALID_NUMBER'],
    ['GetInfo with LV of letters', `${base}&CMD=GetInfo&LV=x&UN=106814`, 'INVALID_NUMBER'],
    ['GetInfo without UN', `${base}&CMD=GetInfo&LV=1`, 'MISSING_FIELD'],
    ['AddToList with UN of letters', `${base}&CMD=AddToList&UN=abc`, 'INVALID_NUMBER'],
    [
      'Ack_AddToList with CD of letters',
      `${base}&CMD=Ack_AddToList&UN=1&CD=x&RS=a`,
      'INVALID_NUMBER'
    ],
    [
      'Ack_AddToList with RS not UTF-8',
      `${base}&CMD=Ack_AddToList&UN=1&CD=0&RS=%ff`,
      'INVALID_UTF8'
    ],
    ['DelFromList with UN of letters', `${base}&CMD=DelFromList&UN=abc`, 'INVALID_NUMBER'],
    ['Change_Stat to 25', `${base}&CMD=Change_Stat&ST=25`, 'INVALID_VALUE'],
    ['CLTMSG with an empty MG', `${base}&CMD=CLTMSG&UN=106814&MG=`, 'INVALID_VALUE'],
    [
      'CLTMSG over 1,500 bytes',
      `${base}&CMD=CLTMSG&UN=106814&MG=${'好'.repeat(501)}`,
      'INVALID_VALUE'
    ],
    ['CLTMSG with MG not UTF-8', `${base}&CMD=CLTMSG&UN=106814&MG=%c3`, 'INVALID_UTF8']
  ]

  for (const [name, body, code] of cases) {
    it(`${name}: ${code}`, () => {
      expect(() => decodeRequest(body)).toThrow(expect.objectContaining({ code }))
    })
  }
})
