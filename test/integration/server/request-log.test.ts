/** The request log (src/server/log.ts): one pino record per request, and nothing private. */
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { account, ON_NODES, PASSWORD, PASSWORD_HASH, serve } from './servers.ts'
import { md5, post, TestClient } from './wire.ts'

/** A server whose log lands in `lines`, as the JSON text pino writes. */
async function loggedServer() {
  const lines: string[] = []
  const log = pino({ base: undefined }, { write: (line: string) => lines.push(line) })
  const server = await serve({ seed: { accounts: [account(20001), account(20002)] }, log })
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  return { server, lines, records }
}

/** Behind HAProxy (three nodes), a record also has the client's own source port. */
const sourcePort = ON_NODES ? { port: expect.any(Number) } : {}

describe('the request log', () => {
  it('writes one record per request: time, address, number, command, result, milliseconds', async () => {
    const { server, records } = await loggedServer()
    await new TestClient(server.port, 20001).enter(PASSWORD)
    await new TestClient(server.port, 20001).send({ cmd: 'List', count: 160 })
    await post(server.port, 'VER=1.1&CMD=Nonsense&SEQ=1&UIN=20001')
    expect(records()).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        addr: '127.0.0.1',
        ...sourcePort,
        uin: 20001,
        cmd: 'Login',
        res: 0,
        ms: expect.any(Number)
      },
      {
        level: 30,
        time: expect.any(Number),
        addr: '127.0.0.1',
        ...sourcePort,
        uin: 20001,
        cmd: 'List',
        res: 0,
        ms: expect.any(Number)
      },
      {
        level: 30,
        time: expect.any(Number),
        addr: '127.0.0.1',
        ...sourcePort,
        res: 'NULL',
        why: expect.any(String),
        ms: expect.any(Number)
      }
    ])
  })

  it('says why a login failed: wrong password, unknown number, guarded', async () => {
    const { server, records } = await loggedServer()
    await new TestClient(server.port, 20009).login(PASSWORD)
    // Five wrong passwords in a row, then the guard answers without checking the sixth.
    for (let i = 0; i < 6; i++) await new TestClient(server.port, 20001).login('guess')
    expect(records().map(({ uin, cmd, res, why }) => ({ uin, cmd, res, why }))).toEqual([
      { uin: 20009, cmd: 'Login', res: 5, why: 'unknown number' },
      ...Array.from({ length: 5 }, () => ({
        uin: 20001,
        cmd: 'Login',
        res: 0,
        why: 'wrong password'
      })),
      { uin: 20001, cmd: 'Login', res: 3, why: 'guarded' }
    ])
  })

  it('never holds a password, its hash or a message text', async () => {
    const { server, lines, records } = await loggedServer()
    const alice = await new TestClient(server.port, 20001).enter(PASSWORD)
    await new TestClient(server.port, 20002).enter(PASSWORD)
    await alice.send({ cmd: 'CLTMSG', target: 20002, text: 'tea at noon' })
    await new TestClient(server.port, 20002).inbox()
    expect(records().map((record) => record.cmd)).toEqual(['Login', 'Login', 'CLTMSG', 'GetMsgEx'])
    const log = lines.join('')
    for (const secret of [
      PASSWORD,
      md5(PASSWORD),
      PASSWORD_HASH,
      'tea at noon',
      'tea%20at%20noon'
    ]) {
      expect(log).not.toContain(secret)
    }
  })
})
