/**
 * Fuzzing a server process with random bodies and random bytes: it never crashes, its
 * memory stays bounded, and it keeps answering good requests.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../../../src/shared/protocol/index.ts'
import { connect, httpRequest, md5, post, TestClient } from './wire.ts'
import { account, dataFolder, PASSWORD, CLUSTER_MISSING, TEST_CERTIFICATE } from './servers.ts'
import { dropSchemas, freshSchema, ON_POSTGRES, storeUrl } from '../../cluster/postgres.ts'

const ME = 10001
const PEER = 10002
const MAIN = new URL('../../../src/server/main.ts', import.meta.url).pathname
let child: ChildProcess
let port = 0
/** In a PostgreSQL run, the server's schema. */
const schema = ON_POSTGRES ? freshSchema() : undefined

/** Writes bytes, half-closes, and waits for the server to answer or close (never hangs). */
function shoot(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, undefined, () => socket.end(bytes))
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        new Error(
          `no answer and no close for ${Buffer.from(bytes).toString('latin1').slice(0, 200)}`
        )
      )
    }, 5000)
    socket.on('data', () => {})
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

const rssKiB = (): number =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN)

/** A login and a List answered (the fuzzer may have logged ME out, or removed PEER). */
async function stillServes(): Promise<void> {
  expect(child.exitCode).toBe(null)
  await new TestClient(port, ME).enter(PASSWORD)
  const [reply] = await post(port, `VER=1.1&CMD=List&SEQ=1&UIN=${ME}&TN=160&UN=0`)
  expect(reply).toMatch(new RegExp(`^VER=1.1&CMD=LIST&SEQ=1&UIN=${ME}&RES=0&FN=1&SN=\\d&UN=`))
}

beforeAll(async () => {
  if (CLUSTER_MISSING) return
  const folder = dataFolder()
  const seedFile = join(folder, 'seed.json')
  writeFileSync(
    seedFile,
    JSON.stringify({ accounts: [account(ME, { friends: [PEER] }), account(PEER)] })
  )
  child = spawn(process.execPath, [
    MAIN,
    ...['--port', '0', '--seed', seedFile, '--quiet'],
    ...(schema === undefined ? ['--data', folder] : ['--store', storeUrl(schema)]),
    ...['--penalty-scale', '0.0001', '--request-timeout', '2'],
    ...tlsArguments(folder)
  ])
  port = await new Promise<number>((resolve) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /:(\d+)\n/.exec(out)
      if (match) resolve(Number(match[1]))
    })
  })
})

/** In a TLS run, the server process serves the run's certificate. */
function tlsArguments(folder: string): string[] {
  if (TEST_CERTIFICATE === undefined) return []
  const [cert, key] = [join(folder, 'cert.pem'), join(folder, 'key.pem')]
  writeFileSync(cert, TEST_CERTIFICATE.cert)
  writeFileSync(key, TEST_CERTIFICATE.key)
  return ['--tls-cert', cert, '--tls-key', key]
}

afterAll(async () => {
  if (CLUSTER_MISSING) return
  child.kill('SIGKILL')
  if (schema !== undefined) await dropSchemas([schema])
})

/** The fields each command reads (no WT: a long poll would only make the run slow). */
const FIELDS: Record<string, string[]> = {
  Login: ['PS', 'M5', 'LC'],
  List: ['TN', 'UN'],
  Query_Stat: ['TN', 'UN'],
  GetInfo: ['LV', 'UN'],
  AddToList: ['UN'],
  Ack_AddToList: ['UN', 'CD', 'RS'],
  DelFromList: ['UN'],
  Change_Stat: ['ST'],
  GetMsgEx: ['AK'],
  CLTMSG: ['UN', 'MG'],
  Logout: []
}
const VALUES = [
  ...['1', String(ME), String(PEER), '0', '1', '2', '3', '10', '30', '40', '160', ' 5 '],
  ...[md5(PASSWORD), '9326B87B234E7235', '-1', '99999999999999999999', '1e3', '0x10'],
  ...['%', '%2', '%zz', '%ff', '%e4%bd%a0', '%2c', ',', '=', '&', '__proto__', 'constructor', '']
]
const value = fc.oneof(
  { arbitrary: fc.constantFrom(...VALUES), weight: 6 },
  fc.string({ maxLength: 40, unit: 'grapheme' })
)
/**
 * Bodies near the grammar, so that most reach a handler: the four head fields, the fields
 * of the command with values good and bad, sometimes a field of another command, now and
 * then some noise.
 */
const body = fc
  .constantFrom(...COMMANDS)
  .chain((cmd) =>
    fc.tuple(
      fc.constant(cmd),
      fc.tuple(
        ...(FIELDS[cmd] ?? []).map((key) =>
          fc.option(fc.tuple(fc.constant(key), value), { freq: 8 })
        )
      ),
      fc.option(fc.tuple(fc.constantFrom('TN', 'X1', 'WT0', 'AK'), value), { freq: 3 }),
      fc.option(fc.constantFrom('&', '&&', '=', '%', '&ab=1', '&VER=1.1'), { freq: 8 })
    )
  )
  .map(([cmd, pairs, extra, noise]) => {
    const fields = [...pairs, extra].filter((pair) => pair !== null)
    const text = fields.map(([key, text]) => `&${key}=${text}`).join('')
    return `VER=1.1&CMD=${cmd}&SEQ=77&UIN=${ME}${text}${noise ?? ''}`
  })
const login = Buffer.from(
  httpRequest(`VER=1.1&CMD=Login&SEQ=1&UIN=${ME}&PS=${md5(PASSWORD)}&M5=1&LC=9326B87B234E7235`)
)

describe('fuzzing', () => {
  it('random bodies: every one is answered or refused, the server stays up', async () => {
    await stillServes()
    const before = rssKiB()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: body, weight: 5 }, fc.string({ maxLength: 300 })),
        async (text) => {
          // Logged in each time, so that the fuzzed command reaches its handler.
          await shoot(login)
          await shoot(Buffer.from(httpRequest(text)))
        }
      ),
      { numRuns: 800 }
    )
    await stillServes()
    expect(rssKiB() - before).toBeLessThan(64 * 1024)
  })

  it('random bytes and damaged requests: the server stays up with bounded memory', async () => {
    const valid = Buffer.from(
      `POST HTTP/1.1\r\nContent-Length: 30\r\nConnection: close\r\n\r\nVER=1.1&CMD=Logout&SEQ=1&UIN=1\r\n\r\n`
    )
    const damaged = fc
      .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 }), fc.boolean()), {
        minLength: 1,
        maxLength: 8
      })
      .map((edits) => {
        const bytes = [...valid]
        for (const [at, byte, insert] of edits) bytes.splice(at, insert ? 0 : 1, byte)
        return Uint8Array.from(bytes)
      })
    const big = fc.integer({ min: 60_000, max: 200_000 }).map((size) => {
      const head = `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n`
      return Buffer.concat([
        Buffer.from(head),
        Buffer.alloc(size, 65),
        Buffer.from('\r\n0\r\n\r\n')
      ])
    })
    const before = rssKiB()
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), damaged, big), shoot),
      { numRuns: 800 }
    )
    await stillServes()
    expect(rssKiB() - before).toBeLessThan(64 * 1024)
  })
})
