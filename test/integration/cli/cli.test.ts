import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../src/server/index.ts'
import { fingerprintOf, makeCertificate } from '../../../src/server/tls/certificate.ts'
import type { CoreEvent } from '../../../src/shared/model.ts'
import {
  ALICE,
  BOB,
  CAROL,
  CAROL_PROFILE,
  DAVE,
  EVE,
  PASSWORD,
  removeDir,
  tempDir,
  TestClient,
  testServer,
  until,
  valueOf
} from '../core/harness.ts'

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url))

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

let server: RunningServer
let dataDir: string
const clients: TestClient[] = []

beforeAll(async () => {
  server = await testServer()
  dataDir = tempDir('qq-cli-')
})

afterAll(async () => {
  await server.close()
  removeDir(dataDir)
})

afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop()
})

function spawnCli(args: string[], env: Record<string, string> = {}) {
  return spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', MAIN, '--data', dataDir, ...args],
    {
      // English unless a test asks otherwise, whatever the machine's locale.
      env: { ...process.env, QQ_PASSWORD: '', LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe']
    }
  )
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawnCli(args, env)
  child.stdin.end()
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })))
}

/** `--server … --uin … --password …` for an account of the seed. */
const as = (uin: number) => [
  '--server',
  server.address,
  '--uin',
  String(uin),
  '--password',
  PASSWORD
]

async function inProcess(uin: number): Promise<TestClient> {
  const client = new TestClient()
  clients.push(client)
  return client.login(server, uin)
}

describe('the command line', () => {
  it('lists friends and who is online', async () => {
    await inProcess(BOB)
    const friends = await cli([...as(ALICE), 'friends'])
    expect(friends).toMatchObject({ code: 0, stderr: '' })
    expect(friends.stdout).toBe(
      `${BOB}\tonline\tBob\t我的好友\n${CAROL}\toffline\tCarol\t我的好友\n`
    )
    const online = await cli([...as(ALICE), '--json', 'online'])
    expect(
      online.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
    ).toMatchObject([{ uin: BOB, nick: 'Bob', status: 10 }])
  })

  it('shows a profile at every level, by key with its label', async () => {
    const full = await cli([...as(ALICE), 'info', String(CAROL)])
    expect(full.code).toBe(0)
    const fields = new Map(
      full.stdout
        .trim()
        .split('\n')
        .map((line) => [line.split('\t')[0], line.split('\t')[2]])
    )
    expect(fields.size).toBe(26)
    expect(fields.get('RN')).toBe(CAROL_PROFILE.RN)
    expect(fields.get('SX')).toBe('1 (Female)')
    expect(fields.get('CO')).toBe('6 (Cancer)')
    expect(full.stdout).toContain('PR\tIntroduction\tHello & welcome, 100% 真的\n')
    const brief = await cli([...as(ALICE), 'info', String(CAROL), '--level', '0'])
    expect(brief.stdout).toBe(`LV\tLevel\t0\nUN\tQQ number\t${CAROL}\nNK\tNickname\tCarol\n`)
  })

  it('sends a message (password from QQ_PASSWORD) and keeps it in a history read without a server', async () => {
    const bob = await inProcess(BOB)
    const sent = await cli(
      ['--server', server.address, '--uin', String(ALICE), 'send', String(BOB), '你好 & hello'],
      {
        QQ_PASSWORD: PASSWORD
      }
    )
    expect(sent).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(await bob.waitForTexts(ALICE, 1)).toEqual(['你好 & hello'])
    const history = await cli(['--uin', String(ALICE), 'history', String(BOB)])
    expect(history.code).toBe(0)
    expect(history.stdout).toMatch(
      /^==== Bob \(10002\) ====\n\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}10001\n {4}你好 & hello\n$/
    )
    // An answer, received by the command line's listen, so the history has both sides.
    const listener = spawnCli([...as(ALICE), 'listen'])
    const received = new Promise<void>((resolve) =>
      createInterface({ input: listener.stdout }).on('line', (line) => {
        if (line.includes('"and back"')) resolve()
      })
    )
    valueOf(await bob.calls.sendMessage(bob.account, ALICE, 'and back'))
    await received
    const exited = new Promise((resolve) => listener.once('exit', resolve))
    listener.kill('SIGINT')
    await exited
    // Both sides are named the same way, by number; a search prints the same format.
    const both = await cli(['--uin', String(ALICE), 'history', String(BOB)])
    expect(both.stdout).toMatch(
      /^==== Bob \(10002\) ====\n\n.{19} {2}10001\n {4}你好 & hello\n.{19} {2}10002\n {4}and back\n$/
    )
    const searched = await cli(['--uin', String(ALICE), 'history', String(BOB), '--search', 'BACK'])
    expect(searched.stdout).toMatch(/^==== Bob \(10002\) ====\n\n.{19} {2}10002\n {4}and back\n$/)
    const found = await cli([
      '--uin',
      String(ALICE),
      '--json',
      'history',
      String(BOB),
      '--search',
      'HELLO'
    ])
    expect(JSON.parse(found.stdout)).toMatchObject({
      text: '你好 & hello',
      state: 'sent',
      direction: 'out'
    })
  })

  it('fails with one line naming the code, and a non-zero exit', async () => {
    const cases: [string[], number, RegExp][] = [
      [[...as(ALICE), 'send', '99999', 'hi'], 1, /^error INVALID_UIN: no such QQ number 99999\n$/],
      [
        ['--server', server.address, '--uin', '10009', '--password', 'x', 'friends'],
        1,
        /^error INVALID_UIN: no such QQ number 10009\n$/
      ],
      [
        ['--server', server.address, '--uin', String(ALICE), '--password', 'wrong', 'friends'],
        1,
        /^error WRONG_PASSWORD: wrong password\n$/
      ],
      [
        ['--server', '127.0.0.1:1', '--uin', String(ALICE), '--password', 'x', 'friends'],
        1,
        /^error UNREACHABLE: .*\n$/
      ],
      [
        [...as(ALICE), 'frobnicate'],
        2,
        /^error INVALID_ARGUMENT: unknown command "frobnicate".*\n$/
      ],
      [[...as(ALICE), 'info', 'abc'], 2, /^error INVALID_ARGUMENT: UIN must be a QQ number\n$/],
      [[...as(ALICE), 'info'], 2, /^error INVALID_ARGUMENT: info needs a UIN\n$/],
      [[...as(ALICE), 'send', String(BOB)], 2, /^error INVALID_ARGUMENT: send needs a text\n$/],
      [[...as(ALICE), 'status', 'sleepy'], 2, /^error INVALID_ARGUMENT: status must be .*\n$/],
      [['--uin', String(ALICE), 'friends'], 2, /^error INVALID_ARGUMENT: no password .*\n$/],
      [['--bogus'], 2, /^error INVALID_ARGUMENT: .*bogus.*\n$/]
    ]
    for (const [args, code, stderr] of cases) {
      const run = await cli(args)
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code, stdout: '' })
      expect(run.stderr).toMatch(stderr)
    }
  })

  it('says a wrong password in Chinese where the locale is Chinese, with the code unchanged', async () => {
    const args = [
      '--server',
      server.address,
      '--uin',
      String(ALICE),
      '--password',
      'wrong',
      'friends'
    ]
    for (const env of [
      { LANG: 'zh_CN.UTF-8' },
      { LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' }
    ] as Record<string, string>[]) {
      expect(await cli(args, env)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'error WRONG_PASSWORD: 密码错误\n'
      })
    }
    expect((await cli(args, { LANG: 'C.UTF-8' })).stderr).toBe(
      'error WRONG_PASSWORD: wrong password\n'
    )
  })

  it('checks the usage before it logs in: no request is made', async () => {
    const server = (address: string, password: string) => [
      '--server',
      address,
      '--uin',
      String(ALICE),
      '--password',
      password
    ]
    // A wrong password and a server that is not there would each show, had a login been tried.
    for (const options of [server(`127.0.0.1:1`, PASSWORD), server(`127.0.0.1:1`, 'wrong')]) {
      for (const [command, words] of [
        [['frobnicate'], 'unknown command "frobnicate"'],
        [['info'], 'info needs a UIN'],
        [['send', String(BOB)], 'send needs a text']
      ] as const) {
        const run = await cli([...options, ...command])
        expect(run).toMatchObject({ code: 2, stdout: '' })
        expect(run.stderr).toContain(`error INVALID_ARGUMENT: ${words}`)
      }
    }
  })

  it('says so when there are no friends, or when the one added is a friend already', async () => {
    expect(await cli([...as(DAVE), 'friends'])).toEqual({
      code: 0,
      stdout: 'no friends\n',
      stderr: ''
    })
    expect((await cli([...as(DAVE), 'online'])).stdout).toBe('no friends online\n')
    expect((await cli([...as(DAVE), '--json', 'friends'])).stdout).toBe('')
    expect(await cli([...as(ALICE), 'add', String(BOB)])).toEqual({
      code: 0,
      stdout: 'already-friends\n',
      stderr: ''
    })
  })

  it('adds, accepts, refuses and removes friends', async () => {
    expect((await cli([...as(ALICE), 'add', String(DAVE)])).stdout).toBe('refused\n')
    expect((await cli([...as(ALICE), 'add', String(EVE), '--reason', '我是 Alice'])).stdout).toBe(
      'verification-sent\n'
    )
    const eve = await inProcess(EVE)
    await eve.waitFor((e) =>
      e.type === 'system-message' && e.message.text === '我是 Alice' ? e : undefined
    )
    expect(await cli([...as(EVE), 'refuse', String(ALICE), '--reason', '不认识'])).toMatchObject({
      code: 0
    })
    expect((await cli([...as(ALICE), 'add', String(EVE), '--reason', '再试一次'])).stdout).toBe(
      'verification-sent\n'
    )
    await eve.waitFor((e) =>
      e.type === 'system-message' && e.message.text === '再试一次' ? e : undefined
    )
    expect(await cli([...as(EVE), 'accept', String(ALICE)])).toMatchObject({ code: 0 })
    const friends = await cli([...as(ALICE), 'friends'])
    expect(friends.stdout).toContain(`${EVE}\t`)
    expect(await cli([...as(ALICE), 'remove', String(EVE)])).toMatchObject({ code: 0, stderr: '' })
    expect((await cli([...as(ALICE), 'friends'])).stdout).not.toContain(`${EVE}\t`)
  })

  it('changes status, as friends see it', async () => {
    const alice = await inProcess(ALICE)
    expect(await cli([...as(BOB), 'status', 'busy'])).toEqual({ code: 0, stdout: '', stderr: '' })
    await alice.waitFor((e) =>
      e.type === 'presence' && e.uin === BOB && e.status === 30 ? e : undefined
    )
  })

  it('listen prints events as JSON lines, takes commands on stdin, and logs out on SIGINT', async () => {
    const alice = await inProcess(ALICE)
    const child = spawnCli([...as(BOB), 'listen'])
    const events: Record<string, unknown>[] = []
    createInterface({ input: child.stdout }).on('line', (line) =>
      events.push(JSON.parse(line) as Record<string, unknown>)
    )
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code))
    )

    await until(
      () =>
        events.some(
          (e) => e.type === 'session' && (e.session as { phase: string }).phase === 'online'
        ),
      'online'
    )
    await alice.waitFor((e) =>
      e.type === 'presence' && e.uin === BOB && e.status === 10 ? e : undefined
    )
    valueOf(await alice.calls.sendMessage(alice.account, BOB, 'ping, 乒'))
    await until(
      () =>
        events.some(
          (e) => e.type === 'message' && (e.message as { text: string }).text === 'ping, 乒'
        ),
      'the message'
    )

    child.stdin.write(`send ${ALICE} pong & 乓\n`)
    child.stdin.write(`send ${ALICE} "two\\nlines"\n`)
    child.stdin.write('frobnicate\n')
    expect(await alice.waitForTexts(BOB, 2)).toEqual(['pong & 乓', 'two\nlines'])
    await until(() => events.filter((e) => e.type === 'result').length === 3, 'three results')
    expect(events.filter((e) => e.type === 'result')).toMatchObject([
      { command: 'send', ok: true },
      { command: 'send', ok: true },
      { command: 'frobnicate', ok: false, error: { code: 'INVALID_ARGUMENT' } }
    ])

    child.kill('SIGINT')
    expect(await exited).toBe(0)
    await alice.waitFor((e) =>
      e.type === 'presence' && e.uin === BOB && e.status === 20 ? e : undefined
    )
    const shown = events.filter(
      (e): e is CoreEvent & Record<string, unknown> => typeof e.type === 'string'
    )
    expect(shown.some((e) => e.type === 'friends')).toBe(true)
    // Every line names the number it is for, the events and the results alike.
    expect(events.every((e) => e.account === BOB)).toBe(true)
  })

  it('listen takes several --uin, each password from QQ_PASSWORD_<uin>, and names each line’s account', async () => {
    const carol = await inProcess(CAROL)
    const child = spawnCli(
      ['--server', server.address, '--uin', String(ALICE), '--uin', String(BOB), 'listen'],
      { [`QQ_PASSWORD_${ALICE}`]: PASSWORD, [`QQ_PASSWORD_${BOB}`]: PASSWORD }
    )
    const events: Record<string, unknown>[] = []
    createInterface({ input: child.stdout }).on('line', (line) =>
      events.push(JSON.parse(line) as Record<string, unknown>)
    )
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code))
    )
    const online = (uin: number) =>
      events.some(
        (e) =>
          e.account === uin &&
          e.type === 'session' &&
          (e.session as { phase: string }).phase === 'online'
      )
    await until(() => online(ALICE) && online(BOB), 'both online')

    valueOf(await carol.calls.sendMessage(carol.account, BOB, 'for Bob'))
    const message = (uin: number, text: string) =>
      events.find(
        (e) =>
          e.account === uin && e.type === 'message' && (e.message as { text: string }).text === text
      )
    await until(() => message(BOB, 'for Bob') !== undefined, 'Bob’s message')
    expect(message(ALICE, 'for Bob')).toBeUndefined()

    // With several accounts, a command names the one that acts.
    child.stdin.write(`@${BOB} send ${CAROL} Bob answers\n`)
    child.stdin.write(`@${ALICE} send ${CAROL} "Alice too"\n`)
    child.stdin.write(`send ${CAROL} from whom?\n`)
    child.stdin.write(`@${CAROL} send ${ALICE} not mine\n`)
    await until(() => events.filter((e) => e.type === 'result').length === 4, 'four results')
    expect(events.filter((e) => e.type === 'result')).toMatchObject([
      { account: BOB, command: 'send', ok: true },
      { account: ALICE, command: 'send', ok: true },
      { command: 'send', ok: false, error: { code: 'INVALID_ARGUMENT' } },
      { command: 'send', ok: false, error: { code: 'INVALID_ARGUMENT' } }
    ])
    expect(await carol.waitForTexts(BOB, 1)).toEqual(['Bob answers'])
    expect(await carol.waitForTexts(ALICE, 1)).toEqual(['Alice too'])

    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(
      events.every((e) => e.account === ALICE || e.account === BOB || e.type === 'result')
    ).toBe(true)
  })

  it('listen with several --uin needs QQ_PASSWORD_<uin> for each; other commands take one', async () => {
    const missing = await cli(
      ['--server', server.address, '--uin', String(ALICE), '--uin', String(BOB), 'listen'],
      { [`QQ_PASSWORD_${ALICE}`]: PASSWORD, QQ_PASSWORD: PASSWORD }
    )
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: `error INVALID_ARGUMENT: no password for ${BOB} (QQ_PASSWORD_${BOB})\n`
    })
    const several = await cli([...as(ALICE), '--uin', String(BOB), 'friends'])
    expect(several).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/only listen takes several --uin/)
    })
    // One number alone may have its password in QQ_PASSWORD_<uin> too.
    const alone = await cli(['--server', server.address, '--uin', String(ALICE), 'friends'], {
      [`QQ_PASSWORD_${ALICE}`]: PASSWORD
    })
    expect(alone).toMatchObject({ code: 0, stderr: '' })
  })
})

describe('the command line over TLS (D-27)', () => {
  let secure: RunningServer
  let secureData: string
  beforeAll(async () => {
    secure = await testServer({ tls: await makeCertificate(['127.0.0.1']) })
    secureData = tempDir('qq-cli-tls-')
  })
  afterAll(async () => {
    await secure.close()
    removeDir(secureData)
  })

  const overTls = (...more: string[]) => [
    '--data',
    secureData,
    '--server',
    `https://${secure.address}`,
    '--uin',
    String(ALICE),
    '--password',
    PASSWORD,
    ...more
  ]

  it('refuses a self-signed certificate until its fingerprint is passed, then keeps it', async () => {
    const fingerprint = secure.fingerprint ?? ''
    const refused = await cli(overTls('friends'))
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/^error UNTRUSTED_CERTIFICATE: .*\n$/)
    expect(refused.stderr).toContain(`pass --fingerprint ${fingerprint}\n`)

    // Bare lower-case hex is the same fingerprint.
    const bare = fingerprint.replaceAll(':', '').toLowerCase()
    const accepted = await cli(overTls('--fingerprint', bare, 'friends'))
    expect(accepted).toMatchObject({ code: 0, stderr: '' })
    expect(accepted.stdout).toContain(`${BOB}\t`)
    expect(await cli(overTls('friends'))).toMatchObject({ code: 0, stderr: '' })
  })

  it('refuses another certificate than the one passed with CERTIFICATE_CHANGED', async () => {
    const other = fingerprintOf((await makeCertificate(['127.0.0.1'])).cert)
    const refused = await cli(overTls('--fingerprint', other, 'friends'))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^error CERTIFICATE_CHANGED: .*\n$/)
    expect(refused.stderr).toContain(`pass --fingerprint ${secure.fingerprint}\n`)
  })

  it.each(['AB:CD', 'G'.repeat(64), 'AB-'.repeat(31) + 'AB'])(
    'a --fingerprint that is not 64 hex digits (%s) is a usage error',
    async (bad) => {
      expect(await cli(overTls('--fingerprint', bad, 'friends'))).toEqual({
        code: 2,
        stdout: '',
        stderr: 'error INVALID_ARGUMENT: --fingerprint must be 64 hex digits (SHA-256)\n'
      })
    }
  )
})
