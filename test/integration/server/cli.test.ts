/** `npm run server -- …`: serving, seeding and account administration from the shell. */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TestClient } from './wire.ts'
import { account, dataFolder, serve } from './servers.ts'
import { run, type Run } from './server-cli.ts'
import { openDatabase } from '../../../src/server/storage/sqlite/db.ts'

describe('account administration', () => {
  it('adds, lists, changes the password of and removes accounts, also while the server runs', async () => {
    const data = dataFolder()
    const server = await serve({ dataDir: data })
    const added = await run([
      'account',
      'add',
      '20001',
      '--data',
      data,
      '--password',
      'pw1',
      '--nick',
      '小明',
      '--policy',
      '1'
    ])
    expect(added).toMatchObject({ code: 0, stdout: 'added 20001\n' })
    expect(
      await run(['account', 'add', '20002', '--data', data], { stdin: 'from stdin\n' })
    ).toMatchObject({ code: 0 })
    expect((await run(['account', 'list', '--data', data])).stdout).toBe(
      '20001\t小明\tface 0\tAsk me first\n20002\t20002\tface 0\tAnyone may add me\n'
    )
    await new TestClient(server.port, 20001).enter('pw1')
    await new TestClient(server.port, 20002).enter('from stdin')

    expect(
      await run(['account', 'passwd', '20001', '--data', data, '--password', 'pw2'])
    ).toMatchObject({ code: 0 })
    expect(await new TestClient(server.port, 20001).login('pw1')).toMatchObject({
      data: { accepted: false }
    })
    await new TestClient(server.port, 20001).enter('pw2')

    expect(await run(['account', 'remove', '20002', '--data', data])).toMatchObject({ code: 0 })
    expect(await new TestClient(server.port, 20002).login('from stdin')).toMatchObject({
      ok: false,
      res: 5
    })
  })

  it.each([
    [
      ['account', 'add', '20001', '--password', 'x'],
      2,
      'error INVALID_ARGUMENT: account add needs --data DIR'
    ],
    [['account', 'list'], 2, 'error INVALID_ARGUMENT: account list needs --data DIR'],
    [
      ['account', 'frob', '--data', '%DATA%'],
      2,
      'error INVALID_ARGUMENT: "account frob": the commands are'
    ],
    [['account'], 2, 'error INVALID_ARGUMENT: "account ": the commands are'],
    [
      ['account', 'remove', '--data', '%DATA%'],
      2,
      'error INVALID_ARGUMENT: usage: account remove UIN'
    ],
    [
      ['account', 'list', '--data', '%DATA%', '--nick', 'x', '--bogus'],
      2,
      "error INVALID_ARGUMENT: Unknown option '--bogus'"
    ],
    [['account', 'add', '99', '--password', 'x', '--data', '%DATA%'], 1, 'error INVALID_UIN'],
    [['account', 'add', 'abc', '--password', 'x', '--data', '%DATA%'], 1, 'error INVALID_UIN'],
    [
      ['account', 'add', '20001', '--password', '', '--data', '%DATA%'],
      1,
      'error INVALID_VALUE: the password is empty'
    ],
    [['account', 'passwd', '20009', '--password', 'x', '--data', '%DATA%'], 1, 'error NOT_FOUND'],
    [
      ['account', 'passwd', '20009', '--data', '%DATA%'],
      1,
      'error NOT_FOUND: there is no account 20009'
    ],
    [['account', 'remove', '20009', '--data', '%DATA%'], 1, 'error NOT_FOUND'],
    [
      ['account', 'add', '20001', '--password', 'x', '--policy', '7', '--data', '%DATA%'],
      1,
      'error INVALID_VALUE: --policy is 0, 1 or 2'
    ],
    [
      ['account', 'add', '20001', '--password', 'x', '--face', '999', '--data', '%DATA%'],
      1,
      'error INVALID_VALUE: --face is a number from 0 to 302'
    ],
    [
      ['account', 'add', '20001', '--password', 'x', '--face', 'abc', '--data', '%DATA%'],
      1,
      'error INVALID_VALUE: --face is a number from 0 to 302'
    ],
    [
      ['account', 'add', '20001', '--password', 'x', '--policy', 'x', '--data', '%DATA%'],
      1,
      'error INVALID_VALUE: --policy is 0, 1 or 2'
    ],
    [
      ['account', 'add', '20001', '--password', 'x', '--nick', '', '--data', '%DATA%'],
      1,
      'error INVALID_VALUE: --nick is 1 to 32 characters'
    ],
    [
      ['account', 'add', '20001', '--password', 'x', '--nick', 'n'.repeat(33), '--data', '%DATA%'],
      1,
      'error INVALID_VALUE: --nick is 1 to 32 characters'
    ],
    [
      ['--port', 'eighty'],
      2,
      'error INVALID_ARGUMENT: --port must be a whole number from 0 to 65535, not "eighty"'
    ],
    [
      ['--penalty-scale=-1'],
      2,
      'error INVALID_ARGUMENT: --penalty-scale must be a number above 0, at most 1000, not "-1"'
    ],
    [
      ['--heartbeat', '0'],
      2,
      'error INVALID_ARGUMENT: --heartbeat must be a whole number from 1 to 86400'
    ],
    [['--bogus'], 2, "error INVALID_ARGUMENT: Unknown option '--bogus'"],
    [
      ['--trusted-proxy', '10.0.0.1'],
      2,
      'error INVALID_ARGUMENT: --trusted-proxy goes with --proxy-protocol'
    ],
    [
      ['--proxy-protocol'],
      2,
      'error INVALID_ARGUMENT: --proxy-protocol needs the proxies it believes: --trusted-proxy CIDR'
    ],
    [
      ['--proxy-protocol', '--trusted-proxy', '10.0.0.0/8,10.0.0.0/40'],
      2,
      'error INVALID_ARGUMENT: --trusted-proxy "10.0.0.0/40" is not an address or a CIDR block'
    ]
  ])('%j fails with exit code %i and says why in one line', async (args, code, message) => {
    const data = dataFolder()
    openDatabase(data).close()
    const result = await run(args.map((arg) => arg.replace('%DATA%', data)))
    expect(result.code).toBe(code)
    expect(result.stderr.startsWith(message)).toBe(true)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('adds a valid nick of 32 characters and the highest face', async () => {
    const data = dataFolder()
    const nick = '小'.repeat(32)
    const args = ['account', 'add', '20001', '--data', data, '--password', 'x']
    expect(await run([...args, '--nick', nick, '--face', '302'])).toMatchObject({ code: 0 })
    expect((await run(['account', 'list', '--data', data])).stdout).toBe(
      `20001\t${nick}\tface 302\tAnyone may add me\n`
    )
  })

  it('refuses a data folder without a database, except to add, and creates nothing', async () => {
    const typo = join(dataFolder(), 'typo')
    for (const args of [['list'], ['passwd', '20001', '--password', 'x'], ['remove', '20001']]) {
      const result = await run(['account', ...args, '--data', typo])
      expect(result).toMatchObject({
        code: 1,
        stderr: `error NO_DATABASE: ${typo} holds no database (http-qq.sqlite); "account add" or the server creates one\n`
      })
    }
    expect(existsSync(typo)).toBe(false)
    expect(await run(['account', 'add', '20001', '--data', typo, '--password', 'x'])).toMatchObject(
      {
        code: 0
      }
    )
  })

  it('names a data folder that cannot hold the database, in one line', async () => {
    const blocked = dataFolder()
    mkdirSync(join(blocked, 'http-qq.sqlite'))
    for (const args of [['add', '20001', '--password', 'x'], ['list']]) {
      const result = await run(['account', ...args, '--data', blocked])
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        new RegExp(`^error DATABASE: the data folder ${blocked} cannot hold the database: .*\\n$`)
      )
    }
  })

  it('says that a number exists before asking for its password', async () => {
    const data = dataFolder()
    await run(['account', 'add', '20001', '--data', data, '--password', 'a'])
    expect(await run(['account', 'add', '20001', '--data', data])).toMatchObject({
      code: 1,
      stderr: 'error EXISTS: account 20001 exists already\n'
    })
  })

  it('refuses to add an account that exists', async () => {
    const data = dataFolder()
    await run(['account', 'add', '20001', '--data', data, '--password', 'a'])
    const again = await run(['account', 'add', '20001', '--data', data, '--password', 'b'])
    expect(again).toMatchObject({ code: 1, stderr: 'error EXISTS: account 20001 exists already\n' })
  })
})

describe('serving', () => {
  it('prints the port it picked, imports a seed file, and says when everything is in memory', async () => {
    const seedFile = join(dataFolder(), 'seed.json')
    writeFileSync(seedFile, JSON.stringify({ accounts: [account(20001)] }))
    const result = await run(['--port', '0', '--seed', seedFile], { untilOutput: /seed / })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      new RegExp(
        `^listening on http://127\\.0\\.0\\.1:\\d+\nno --data: .*\nseed ${seedFile}: 1 account created, 0 already there and kept as they are\n`
      )
    )
  })

  it('says whose PROXY headers it believes', async () => {
    const result = await run(
      [
        '--port',
        '0',
        '--proxy-protocol',
        '--trusted-proxy',
        '10.0.0.0/8,::1',
        '--trusted-proxy=fd00::/8'
      ],
      { untilOutput: /PROXY protocol/ }
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('PROXY protocol from 10.0.0.0/8, ::1, fd00::/8\n')
  })

  it('says how many accounts of a seed file it created and how many were there already', async () => {
    const data = dataFolder()
    const seedFile = join(data, 'seed.json')
    const until = { untilOutput: /seed / }
    writeFileSync(seedFile, JSON.stringify({ accounts: [account(20001)] }))
    await run(['--port', '0', '--data', data, '--seed', seedFile], until)
    writeFileSync(
      seedFile,
      JSON.stringify({ accounts: [account(20001), account(20002), account(20003)] })
    )
    const again = await run(['--port', '0', '--data', data, '--seed', seedFile], until)
    expect(again.stdout).toContain(
      `seed ${seedFile}: 2 accounts created, 1 already there and kept as they are\n`
    )
  })

  it('refuses a seed file that is not valid, saying where', async () => {
    const seedFile = join(dataFolder(), 'seed.json')
    writeFileSync(
      seedFile,
      JSON.stringify({ accounts: [{ uin: 5, password: 'x', profile: { XX: '1' } }] })
    )
    const result = await run(['--port', '0', '--seed', seedFile])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      new RegExp(`^error INVALID_SEED: the seed file ${seedFile} is not valid: `)
    )
    expect(result.stderr).toContain('accounts.0.uin')
    expect(result.stderr).toContain('accounts.0.profile')
  })

  it.each([
    [
      '[]',
      'must be a JSON object {"accounts": [...]}, each account at least {"uin": 10001, "password": "..."}'
    ],
    ['{"people": []}', 'must be a JSON object {"accounts": [...]}'],
    ['{"accounts": [', 'is not JSON: ']
  ])(
    'refuses a seed file %s, naming it and saying what it must look like',
    async (content, says) => {
      const seedFile = join(dataFolder(), 'seed.json')
      writeFileSync(seedFile, content)
      const result = await run(['--port', '0', '--seed', seedFile])
      expect(result.code).toBe(1)
      expect(
        result.stderr.startsWith(`error INVALID_SEED: the seed file ${seedFile} ${says}`)
      ).toBe(true)
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    }
  )
  it('--demo prints the demo accounts with passwords that stay the same in a data folder', async () => {
    const data = dataFolder()
    const until = /demo bot 10086/
    const first = await run(['--port', '0', '--data', data, '--demo'], { untilOutput: until })
    const passwords = first.stdout.match(/demo account \d+ \(.+\) password \S+/g) ?? []
    expect(passwords.length).toBeGreaterThanOrEqual(3)
    const second = await run(['--port', '0', '--data', data, '--demo'], { untilOutput: until })
    expect(second.stdout.match(/demo account \d+ \(.+\) password \S+/g)).toEqual(passwords)
  })
})

/** Every failure is one line `error CODE: message` naming the thing, and exit code 1. */
describe('a server that cannot start', () => {
  const oneLine = (result: Run, line: RegExp) => {
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(line)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
  }

  it('on a port in use names the port', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as { port: number }
    try {
      oneLine(
        await run(['--port', String(port)]),
        new RegExp(
          `^error EADDRINUSE: port ${port} on 127\\.0\\.0\\.1 is in use by another program`
        )
      )
    } finally {
      taken.close()
    }
  })

  it('on a host that does not resolve names the host', async () => {
    oneLine(
      await run(['--port', '0', '--host', 'no-such-host.invalid']),
      /^error (ENOTFOUND|EAI_AGAIN|EAI_FAIL): the host "no-such-host\.invalid" does not resolve/
    )
  })

  it('names a seed file that is missing, or is a folder', async () => {
    const folder = dataFolder()
    const missing = join(folder, 'missing.json')
    oneLine(
      await run(['--port', '0', '--seed', missing]),
      new RegExp(`^error ENOENT: the seed file ${missing} does not exist\n`)
    )
    oneLine(
      await run(['--port', '0', '--seed', folder]),
      new RegExp(`^error EISDIR: the seed file ${folder} is a folder, not a file\n`)
    )
  })

  it('names a data folder that is a file, or that cannot hold the database', async () => {
    const file = join(dataFolder(), 'file')
    writeFileSync(file, '')
    oneLine(
      await run(['--port', '0', '--data', file]),
      new RegExp(`^error EEXIST: the data folder ${file} is a file, not a folder\n`)
    )
    const blocked = dataFolder()
    mkdirSync(join(blocked, 'http-qq.sqlite'))
    oneLine(
      await run(['--port', '0', '--data', blocked]),
      new RegExp(`^error DATABASE: the data folder ${blocked} cannot hold the database: `)
    )
  })

  it.skipIf(process.getuid?.() === 0)('names a data folder it may not write', async () => {
    const parent = dataFolder()
    chmodSync(parent, 0o500)
    const data = join(parent, 'data')
    try {
      oneLine(
        await run(['--port', '0', '--data', data]),
        new RegExp(`^error EACCES: the data folder ${data} cannot be used: permission denied\n`)
      )
    } finally {
      chmodSync(parent, 0o700)
    }
  })
})
