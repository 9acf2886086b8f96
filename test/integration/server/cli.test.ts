/** `npm run server -- …`: serving, seeding and account administration from the shell. */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TestClient } from './wire.ts'
import { account, dataFolder, serve } from './servers.ts'

const MAIN = new URL('../../../src/server/main.ts', import.meta.url).pathname

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the command line to its end (or, with `untilOutput`, until that appears, then stops it). */
function run(args: string[], options: { stdin?: string; untilOutput?: RegExp } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN, ...args])
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (options.untilOutput?.test(stdout)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}

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
      1,
      'error INVALID_VALUE: --data DIR is needed'
    ],
    [['account', 'add', '99', '--password', 'x', '--data', '%DATA%'], 1, 'error INVALID_UIN'],
    [
      ['account', 'add', '20001', '--password', '', '--data', '%DATA%'],
      1,
      'error INVALID_VALUE: the password is empty'
    ],
    [['account', 'passwd', '20009', '--password', 'x', '--data', '%DATA%'], 1, 'error NOT_FOUND'],
    [['account', 'remove', '20009', '--data', '%DATA%'], 1, 'error NOT_FOUND'],
    [
      ['account', 'add', '20001', '--password', 'x', '--policy', '7', '--data', '%DATA%'],
      1,
      '--policy is 0, 1 or 2'
    ],
    [['--port', 'eighty'], 2, '--port must be a whole number'],
    [['--bogus'], 2, 'usage: npm run server']
  ])('%j fails with exit code %i and says why', async (args, code, message) => {
    const data = dataFolder()
    const result = await run(args.map((arg) => arg.replace('%DATA%', data)))
    expect(result.code).toBe(code)
    expect(result.stderr).toContain(message)
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
    const result = await run(['--port', '0', '--seed', seedFile], { untilOutput: /in memory/ })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\nno --data: /)
  })

  it('refuses a seed file that is not valid, saying where', async () => {
    const seedFile = join(dataFolder(), 'seed.json')
    writeFileSync(
      seedFile,
      JSON.stringify({ accounts: [{ uin: 5, password: 'x', profile: { XX: '1' } }] })
    )
    const result = await run(['--port', '0', '--seed', seedFile])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('accounts.0.uin')
    expect(result.stderr).toContain('accounts.0.profile')
  })

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
