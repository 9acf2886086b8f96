import { describe, expect, it } from 'vitest'
import { decodeReply, encodeReply, type Command } from '../../../../src/shared/protocol/index.ts'
import { fillSeed, SEED_REPLIES, SEED_UNWRAPPED } from '../../../fixtures/seed.ts'

const head = { ver: '1.1', seq: '4321', uin: '10001' }
const ok = <T>(data: T) => ({ ok: true, res: 0, data })
const failed = (res: number) => ({ ok: false, res })

const hackfanNormal = {
  AD: '地址',
  AG: '19',
  EM: 'hackfan@qq.com',
  FC: '0',
  HP: 'http://blog.hackfan.net',
  JB: '学生',
  LV: '2',
  PC: '邮编',
  PH: '电话',
  PR: 'The guy is updating to .NET Frameword......',
  PV: '江苏',
  RN: '胡吉阳',
  SC: '毕业院校',
  SX: '0',
  UN: '106814',
  NK: 'Hackfan 好'
}

/** What each printed reply must read as, in the order SEED_REPLIES lists them. */
const expected: { [C in Command]: unknown[] } = {
  Login: [
    ok({ accepted: true, heartbeat: 60, idle: 300 }),
    ok({ accepted: false, reason: '密码错误' }),
    failed(5)
  ],
  List: [
    ok({ kind: 'count', count: 9 }),
    // The write-up elides eight numbers as "..."; read without it, the page must not add up.
    'INVALID_NUMBER',
    failed(20)
  ],
  Query_Stat: [
    ok({
      kind: 'page',
      done: true,
      items: [{ uin: 106814, face: 0, status: 10, nick: 'Hackfan 好' }]
    }),
    failed(20),
    ok({ kind: 'count', count: 1 }),
    ok({ kind: 'page', done: true, items: [] })
  ],
  GetInfo: [
    ok({ level: 0, uin: 106814, fields: { LV: '0', UN: '106814', NK: 'Hackfan 好' } }),
    ok({ level: 2, uin: 106814, fields: hackfanNormal }),
    ok({
      level: 3,
      uin: 106814,
      fields: {
        ...hackfanNormal,
        LV: '3',
        BT: '2',
        CO: '6',
        CT: '苏州',
        CV: '\u0001',
        CY: '中华人民共和国',
        ID: '-',
        MO: '136********',
        MT: '0',
        MV: '',
        SH: '3'
      }
    }),
    failed(20)
  ],
  AddToList: [
    ok({ code: 0, uin: 106814 }),
    ok({ code: 1, uin: 106814 }),
    ok({ code: 2, uin: 106814 }),
    failed(20)
  ],
  Ack_AddToList: [ok(null), failed(3), failed(20)],
  DelFromList: [ok(null), failed(3), failed(20)],
  Change_Stat: [ok(null), failed(3), failed(20)],
  GetMsgEx: [
    ok({
      messages: [
        { type: 99, from: 36791785, text: '20' },
        { type: 99, from: 99833581, text: '30' },
        { type: 99, from: 99833581, text: '10' },
        { type: 9, from: 106814, text: 'hi ' }
      ]
    }),
    ok({ messages: [] }),
    failed(20)
  ],
  CLTMSG: [ok(null), failed(3), failed(20)],
  Logout: [ok(null)]
}

describe('every reply printed in the 2005 write-up', () => {
  for (const [command, replies] of Object.entries(SEED_REPLIES) as [Command, readonly string[]][]) {
    replies.forEach((printed, index) => {
      it(`${command} #${index + 1}: ${printed.slice(printed.indexOf('RES='), 60)}`, () => {
        expect(SEED_UNWRAPPED).toContain(printed)
        const want = expected[command][index]
        if (typeof want === 'string') {
          expect(() => decodeReply(command, fillSeed(printed))).toThrow(
            expect.objectContaining({ code: want })
          )
          return
        }
        const { head: echoed, reply } = decodeReply(command, fillSeed(printed))
        expect(echoed).toEqual(head)
        expect(reply).toEqual({ cmd: command, ...(want as object) })
        // The server writes with the same codec: the same value gives back the same bytes.
        expect(encodeReply(echoed, reply)).toBe(fillSeed(printed))
      })
    })
  }

  it('the full list page reads once the elided numbers are written out', () => {
    const page = fillSeed(SEED_REPLIES.List[1]).replace('...,', '2,3,4,5,6,7,8,9,')
    expect(decodeReply('List', page).reply).toEqual({
      cmd: 'List',
      ...ok({ kind: 'page', done: true, items: [3814526, 2, 3, 4, 5, 6, 7, 8, 9] })
    })
  })
})
