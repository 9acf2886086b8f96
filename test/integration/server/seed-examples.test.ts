/**
 * Every reply the 2005 write-up prints, byte for byte on the wire, to the requests its PHP
 * prober sent (no target, no Host, a blank line after the body, `Connection: close`).
 */
import { describe, expect, it } from 'vitest'
import { SEED_PEER, SEED_REPLIES, SEED_SEQ, SEED_UIN } from '../../fixtures/seed.ts'
import { exchange, legacyRequest, md5, TestClient } from './wire.ts'
import { account, PASSWORD, serve } from './servers.ts'

/** The penalties here last 1 s / 1.5 s: windows wide enough for a busy machine. */
const SCALE = 0.05
const ME = Number(SEED_UIN)
const HACKFAN = Number(SEED_PEER)
const ASKS_FIRST = 20001
const REFUSES = 20002
const OTHER_COMPUTER = '127.0.0.2'

const hackfan = account(HACKFAN, {
  nick: 'Hackfan 好',
  face: 0,
  profile: {
    AD: '地址',
    AG: '19',
    BT: '2',
    CO: '6',
    CT: '苏州',
    CV: '\u0001',
    CY: '中华人民共和国',
    EM: 'hackfan@qq.com',
    HP: 'http://blog.hackfan.net',
    ID: '-',
    JB: '学生',
    MO: '136********',
    MT: '0',
    MV: '',
    PC: '邮编',
    PH: '电话',
    PR: 'The guy is updating to .NET Frameword......',
    PV: '江苏',
    RN: '胡吉阳',
    SC: '毕业院校',
    SH: '3',
    SX: '0'
  }
})
// The first of nine friends the write-up's List reply shows, and the eight it elides.
const LISTER = 10002
const NINE_FRIENDS = Array.from({ length: 9 }, (_, i) => 3814526 + i)
const A_FRIEND = 36791785
const ANOTHER = 99833581

const seed = {
  accounts: [
    account(ME, { friends: [HACKFAN, A_FRIEND, ANOTHER] }),
    hackfan,
    account(A_FRIEND),
    account(ANOTHER),
    account(ASKS_FIRST, { policy: 1 }),
    account(REFUSES, { policy: 2 }),
    account(LISTER, { friends: NINE_FRIENDS }),
    ...NINE_FRIENDS.map((uin) => account(uin))
  ]
}

/** An example with its placeholders filled: the write-up's 标记, QQ号 and 对方QQ号. */
function fill(printed: string, uin: number = ME, peer: number = HACKFAN): string {
  return printed
    .replaceAll('对方QQ号', String(peer))
    .replaceAll('标记', SEED_SEQ)
    .replaceAll('QQ号', String(uin))
}

/** A request body as the prober built it. */
function prober(cmd: string, rest = '', uin: number = ME): string {
  return `VER=1.1&CMD=${cmd}&SEQ=${SEED_SEQ}&UIN=${uin}${rest}`
}

/** The exact bytes of replies as section 1 specifies; the connection closes after the last. */
function onTheWire(bodies: readonly string[]): string {
  return bodies
    .map((body, i) => {
      const close = i === bodies.length - 1 ? 'Connection: close\r\n' : ''
      return (
        'HTTP/1.1 200 OK\r\nServer: tencent imserver/1.0.0\r\n' +
        'Content-Type: text/plain; charset=UTF-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n${close}\r\n${body}`
      )
    })
    .join('')
}

async function start() {
  const server = await serve({ seed, penaltyScale: SCALE })
  const ask = async (body: string, localAddress?: string) => {
    const { bytes, ms } = await exchange(server.port, legacyRequest(body), { localAddress })
    return { wire: bytes.toString('utf8'), ms }
  }
  const login = (uin: number) => new TestClient(server.port, uin).enter(PASSWORD)
  return { server, ask, login }
}

const loginBody = (uin: number, password: string) =>
  prober('Login', `&PS=${md5(password)}&M5=1&LC=9326B87B234E7235`, uin)

describe('the seed examples, byte for byte', () => {
  it('Login: accepted, wrong password, invalid number', async () => {
    const { ask } = await start()
    const [ok, wrong, invalid] = SEED_REPLIES.Login
    expect((await ask(loginBody(ME, PASSWORD))).wire).toBe(onTheWire([fill(ok)]))
    expect((await ask(loginBody(ME, 'not it'))).wire).toBe(onTheWire([fill(wrong)]))
    expect((await ask(loginBody(100, PASSWORD))).wire).toBe(onTheWire([fill(invalid, 100)]))
  })

  it('List: the count, a page of nine, not logged in', async () => {
    const { ask, login } = await start()
    await login(LISTER)
    const [count, page, notLoggedIn] = SEED_REPLIES.List
    expect((await ask(prober('List', '', LISTER))).wire).toBe(onTheWire([fill(count, LISTER)]))
    expect((await ask(prober('List', '&TN=0', LISTER))).wire).toBe(onTheWire([fill(count, LISTER)]))
    // The write-up elides eight numbers as "...": here they are.
    const all = fill(page, LISTER).replace('3814526,...,', NINE_FRIENDS.join(',') + ',')
    expect((await ask(prober('List', '&TN=160&UN=0', LISTER))).wire).toBe(onTheWire([all]))
    expect((await ask(prober('List', '&TN=160', ME))).wire).toBe(onTheWire([fill(notLoggedIn)]))
  })

  it('Query_Stat: one friend online, not logged in, and the two replies without TN', async () => {
    const { ask, login } = await start()
    await login(ME)
    await login(HACKFAN)
    const [online, notLoggedIn, count, empty] = SEED_REPLIES.Query_Stat
    expect((await ask(prober('Query_Stat', '&TN=50&UN=0'))).wire).toBe(onTheWire([fill(online)]))
    expect((await ask(prober('Query_Stat', '&TN=50&UN=0'), OTHER_COMPUTER)).wire).toBe(
      onTheWire([fill(notLoggedIn)])
    )
    const twice = onTheWire([fill(count), fill(empty)])
    expect((await ask(prober('Query_Stat'))).wire).toBe(twice)
    expect((await ask(prober('Query_Stat', '&TN=0&UN=106814'))).wire).toBe(twice)
  })

  it('GetInfo: brief, normal, full, not logged in', async () => {
    const { ask, login } = await start()
    await login(ME)
    const [brief, normal, full, notLoggedIn] = SEED_REPLIES.GetInfo
    expect((await ask(prober('GetInfo', '&LV=0&UN=106814'))).wire).toBe(onTheWire([fill(brief)]))
    expect((await ask(prober('GetInfo', '&LV=1&UN=106814'))).wire).toBe(
      onTheWire([fill(brief).replace('LV=0', 'LV=1')])
    )
    expect((await ask(prober('GetInfo', '&LV=2&UN=106814'))).wire).toBe(onTheWire([fill(normal)]))
    expect((await ask(prober('GetInfo', '&LV=3&UN=106814'))).wire).toBe(onTheWire([fill(full)]))
    expect((await ask(prober('GetInfo', '&LV=5&UN=106814'))).wire).toBe(
      onTheWire([fill(full).replace('LV=3', 'LV=5')])
    )
    expect((await ask(prober('GetInfo', '&LV=0&UN=106814'), OTHER_COMPUTER)).wire).toBe(
      onTheWire([fill(notLoggedIn)])
    )
  })

  it('AddToList: allowed, verification wanted, refused, not logged in', async () => {
    const { ask, login } = await start()
    await login(ME)
    const [allowed, verify, refused, notLoggedIn] = SEED_REPLIES.AddToList
    const add = (peer: number) => ask(prober('AddToList', `&UN=${peer}`))
    expect((await add(HACKFAN)).wire).toBe(onTheWire([fill(allowed)]))
    expect((await add(ASKS_FIRST)).wire).toBe(onTheWire([fill(verify, ME, ASKS_FIRST)]))
    expect((await add(REFUSES)).wire).toBe(onTheWire([fill(refused, ME, REFUSES)]))
    expect((await ask(prober('AddToList', '&UN=106814'), OTHER_COMPUTER)).wire).toBe(
      onTheWire([fill(notLoggedIn)])
    )
  })

  it('Ack_AddToList: sent, CD>=3 held 20 s then RES=3, not logged in', async () => {
    const { ask, login } = await start()
    await login(ME)
    const [sent, penalty, notLoggedIn] = SEED_REPLIES.Ack_AddToList
    const ack = (cd: number) => ask(prober('Ack_AddToList', `&UN=106814&CD=${cd}&RS=TEST`))
    expect((await ack(2)).wire).toBe(onTheWire([fill(sent)]))
    const held = await ack(3)
    expect(held.wire).toBe(onTheWire([fill(penalty)]))
    expect(held.ms).toBeGreaterThanOrEqual(20_000 * SCALE * 0.9)
    expect(
      (await ask(prober('Ack_AddToList', '&UN=106814&CD=0&RS=TEST'), OTHER_COMPUTER)).wire
    ).toBe(onTheWire([fill(notLoggedIn)]))
  })

  it('DelFromList: removed (with the trailing &), a repeat held 30 s then RES=3, not logged in', async () => {
    const { ask, login } = await start()
    await login(ME)
    const [removed, penalty, notLoggedIn] = SEED_REPLIES.DelFromList
    expect((await ask(prober('DelFromList', '&UN=106814'))).wire).toBe(onTheWire([fill(removed)]))
    const repeat = await ask(prober('DelFromList', '&UN=106814'))
    expect(repeat.wire).toBe(onTheWire([fill(penalty)]))
    expect(repeat.ms).toBeGreaterThanOrEqual(30_000 * SCALE * 0.9)
    expect((await ask(prober('DelFromList', '&UN=106814'), OTHER_COMPUTER)).wire).toBe(
      onTheWire([fill(notLoggedIn)])
    )
  })

  it('Change_Stat: changed, too frequent held 20 s then RES=3, not logged in', async () => {
    const { ask, login } = await start()
    await login(ME)
    const [changed, penalty, notLoggedIn] = SEED_REPLIES.Change_Stat
    // Two changes at once: one goes through, the other is one too many (D-19).
    const replies = await Promise.all([30, 10].map((st) => ask(prober('Change_Stat', `&ST=${st}`))))
    expect(replies.map((r) => r.wire).sort()).toEqual(
      [onTheWire([fill(changed)]), onTheWire([fill(penalty)])].sort()
    )
    const held = replies.find((reply) => reply.wire.endsWith('RES=3'))
    expect(held?.ms).toBeGreaterThanOrEqual(20_000 * SCALE * 0.9)
    expect((await ask(prober('Change_Stat', '&ST=10'), OTHER_COMPUTER)).wire).toBe(
      onTheWire([fill(notLoggedIn)])
    )
  })

  it('GetMsgEx: four messages, none, not logged in', async () => {
    const { ask, login } = await start()
    const gone = await login(A_FRIEND)
    const busy = await login(ANOTHER)
    const hackfanClient = await login(HACKFAN)
    await login(ME)
    await gone.send({ cmd: 'Logout' })
    await busy.send({ cmd: 'Change_Stat', status: 30 })
    await new Promise((resolve) => setTimeout(resolve, 3000 * SCALE + 50))
    await busy.send({ cmd: 'Change_Stat', status: 10 })
    await hackfanClient.send({ cmd: 'CLTMSG', target: ME, text: 'hi ' })
    const [four, none, notLoggedIn] = SEED_REPLIES.GetMsgEx
    expect((await ask(prober('GetMsgEx'))).wire).toBe(onTheWire([fill(four)]))
    expect((await ask(prober('GetMsgEx'))).wire).toBe(onTheWire([fill(none)]))
    expect((await ask(prober('GetMsgEx'), OTHER_COMPUTER)).wire).toBe(
      onTheWire([fill(notLoggedIn)])
    )
  })

  it('CLTMSG: sent (with the trailing &), too fast held 20 s then RES=3, not logged in', async () => {
    const { ask, login } = await start()
    await login(ME)
    const [sent, penalty, notLoggedIn] = SEED_REPLIES.CLTMSG
    const send = () => ask(prober('CLTMSG', '&UN=106814&MG=TEST'))
    // Six at once: five go through, the sixth is one too many (D-22).
    const replies = await Promise.all(Array.from({ length: 6 }, send))
    const wires = replies.map((reply) => reply.wire)
    expect(wires.filter((wire) => wire === onTheWire([fill(sent)]))).toHaveLength(5)
    expect(wires.filter((wire) => wire === onTheWire([fill(penalty)]))).toHaveLength(1)
    const held = replies.find((reply) => reply.wire.endsWith('RES=3'))
    expect(held?.ms).toBeGreaterThanOrEqual(20_000 * SCALE * 0.9)
    expect((await ask(prober('CLTMSG', '&UN=106814&MG=TEST'), OTHER_COMPUTER)).wire).toBe(
      onTheWire([fill(notLoggedIn)])
    )
  })

  it('Logout: RES=0 logged in or not', async () => {
    const { ask, login } = await start()
    const [done] = SEED_REPLIES.Logout
    expect((await ask(prober('Logout'))).wire).toBe(onTheWire([fill(done)]))
    await login(ME)
    expect((await ask(prober('Logout'))).wire).toBe(onTheWire([fill(done)]))
    expect((await ask(prober('List', '&TN=160'))).wire).toBe(
      onTheWire([fill(SEED_REPLIES.List[2])])
    )
  })
})
