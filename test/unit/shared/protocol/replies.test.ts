import { describe, expect, it } from 'vitest'
import {
  decodeReply,
  encodeReply,
  type Command,
  type Reply
} from '../../../../src/shared/protocol/index.ts'

const head = { ver: '1.1', seq: '77', uin: '10001' }
const roundTrip = <C extends Command>(reply: Reply<C>) =>
  decodeReply(reply.cmd, encodeReply(head, reply))

describe('replies', () => {
  it('writes a held batch with its id and arrival times after MG (D-24)', () => {
    const reply: Reply<'GetMsgEx'> = {
      cmd: 'GetMsgEx',
      ok: true,
      res: 0,
      data: {
        messages: [
          { type: 9, from: 10002, text: 'a, b & c', time: 1764000000 },
          { type: 99, from: 10003, text: '30', time: 1764000001 }
        ],
        batchId: '12'
      }
    }
    const body = encodeReply(head, reply)
    expect(body).toBe(
      'VER=1.1&CMD=GETMSGEX&SEQ=77&UIN=10001&RES=0&MN=2&MT=9,99,&UN=10002,10003,' +
        '&MG=a%2c b %26 c,30,&BI=12&TM=1764000000,1764000001,'
    )
    expect(decodeReply('GetMsgEx', body).reply).toEqual(reply)
  })

  it('reads a classic reply as having no batch id', () => {
    const { reply } = decodeReply(
      'GetMsgEx',
      'VER=1.1&CMD=GETMSGEX&SEQ=1&UIN=1&RES=0&MN=0&MT=&UN=&MG='
    )
    expect(reply).toEqual({ cmd: 'GetMsgEx', ok: true, res: 0, data: { messages: [] } })
  })

  it('pages List and Query_Stat with FN=0 until the last page (D-14)', () => {
    const list: Reply<'List'> = {
      cmd: 'List',
      ok: true,
      res: 0,
      data: { kind: 'page', done: false, items: [10002, 10003] }
    }
    expect(encodeReply(head, list)).toBe(
      'VER=1.1&CMD=LIST&SEQ=77&UIN=10001&RES=0&FN=0&SN=2&UN=10002,10003,'
    )
    expect(roundTrip(list).reply).toEqual(list)
    const online: Reply<'Query_Stat'> = {
      cmd: 'Query_Stat',
      ok: true,
      res: 0,
      data: {
        kind: 'page',
        done: true,
        items: [
          { uin: 10002, face: 270, status: 30, nick: 'Tom, the cat' },
          { uin: 10003, face: 3, status: 10, nick: '' }
        ]
      }
    }
    expect(encodeReply(head, online)).toBe(
      'VER=1.1&CMD=QUERY_STAT&SEQ=77&UIN=10001&RES=0&FC=270,3,&FN=1&SN=2&ST=30,10,' +
        '&UN=10002,10003,&NK=Tom%2c the cat,,'
    )
    expect(roundTrip(online).reply).toEqual(online)
  })

  it('writes each GetInfo level with its own keys, empty where unknown', () => {
    const reply: Reply<'GetInfo'> = {
      cmd: 'GetInfo',
      ok: true,
      res: 0,
      data: { level: 2, uin: 10002, fields: { NK: 'Tom', AG: '20', BT: '1' } }
    }
    expect(encodeReply(head, reply)).toBe(
      'VER=1.1&CMD=GETINFO&SEQ=77&UIN=10001&RES=0&AD=&AG=20&EM=&FC=&HP=&JB=&LV=2&PC=&PH=&PR=&PV=' +
        '&RN=&SC=&SX=&UN=10002&NK=Tom'
    )
  })

  it('writes a failure with nothing after RES', () => {
    expect(encodeReply(head, { cmd: 'CLTMSG', ok: false, res: 3 })).toBe(
      'VER=1.1&CMD=CLTMSG&SEQ=77&UIN=10001&RES=3'
    )
  })

  it('keeps unknown GetInfo keys, as the seed says to', () => {
    const { reply } = decodeReply(
      'GetInfo',
      'VER=1.1&CMD=GETINFO&SEQ=1&UIN=1&RES=0&LV=3&UN=5&ZZ=new&NK=x'
    )
    expect(reply).toMatchObject({ data: { fields: { ZZ: 'new', NK: 'x' } } })
  })
})

describe('replies a client must refuse', () => {
  const cases: [string, Command, string, string][] = [
    ['another command', 'List', 'VER=1.1&CMD=LOGIN&SEQ=1&UIN=1&RES=0', 'UNKNOWN_COMMAND'],
    ['no RES', 'Logout', 'VER=1.1&CMD=LOGOUT&SEQ=1&UIN=1', 'MISSING_FIELD'],
    [
      'MN not matching MG',
      'GetMsgEx',
      'VER=1.1&CMD=GETMSGEX&SEQ=1&UIN=1&RES=0&MN=2&MT=9,&UN=1,&MG=a,',
      'INVALID_VALUE'
    ],
    [
      'SN not matching UN',
      'List',
      'VER=1.1&CMD=LIST&SEQ=1&UIN=1&RES=0&FN=1&SN=3&UN=1,',
      'INVALID_VALUE'
    ],
    [
      'lists of different lengths',
      'Query_Stat',
      'VER=1.1&CMD=QUERY_STAT&SEQ=1&UIN=1&RES=0&FC=0,&FN=1&SN=1&ST=&UN=1,&NK=a,',
      'INVALID_VALUE'
    ],
    ['an HTML error page', 'Login', '<html>502 Bad Gateway</html>', 'MISSING_EQUALS'],
    ['a login without HI', 'Login', 'VER=1.1&CMD=LOGIN&SEQ=1&UIN=1&RES=0&RS=0', 'MISSING_FIELD']
  ]
  for (const [name, cmd, body, code] of cases) {
    it(`${name}: ${code}`, () => {
      expect(() => decodeReply(cmd, body)).toThrow(expect.objectContaining({ code }))
    })
  }
})
