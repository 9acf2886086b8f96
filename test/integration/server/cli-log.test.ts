/** `npm run server -- --log-format … --log-file …`: the request log of the command line. */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { account, dataFolder, PASSWORD } from './servers.ts'
import { TestClient } from './wire.ts'

const MAIN = new URL('../../../src/server/main.ts', import.meta.url).pathname

/**
 * Starts the server with `args` and a seed of 20001, logs 20001 in once, then stops the
 * server with SIGTERM; resolves with its exit code and output.
 */
function serveOneLogin(
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const seedFile = join(dataFolder(), 'seed.json')
  writeFileSync(seedFile, JSON.stringify({ accounts: [account(20001)] }))
  const child = spawn(process.execPath, [
    '--disable-warning=ExperimentalWarning',
    MAIN,
    '--port',
    '0',
    '--seed',
    seedFile,
    ...args
  ])
  let stdout = ''
  let stderr = ''
  let loggedIn = false
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]
    if (port === undefined || loggedIn) return
    loggedIn = true
    void new TestClient(Number(port), 20001).enter(PASSWORD).then(() => child.kill('SIGTERM'))
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

describe('the request log on the command line', () => {
  it('is JSON lines on stdout when it is not a terminal', async () => {
    const { code, stdout } = await serveOneLogin([])
    expect(code).toBe(0)
    const login = stdout.split('\n').find((line) => line.startsWith('{'))
    expect(JSON.parse(login ?? '')).toMatchObject({
      addr: '127.0.0.1',
      uin: 20001,
      cmd: 'Login',
      res: 0
    })
  })

  it('reads as one line per request with --log-format pretty', async () => {
    const { stdout } = await serveOneLogin(['--log-format', 'pretty'])
    expect(stdout).toMatch(
      /\d\d:\d\d:\d\d\.\d{3}\] INFO.*: 127\.0\.0\.1 20001 Login RES=0 [\d.]+ms\n/
    )
  })

  it('goes to --log-file, written out in full when SIGTERM stops the server', async () => {
    const file = join(dataFolder(), 'logs', 'server.log')
    const { code, stdout } = await serveOneLogin(['--log-file', file])
    expect(code).toBe(0)
    expect(stdout).not.toContain('Login')
    const records = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(records).toMatchObject([{ uin: 20001, cmd: 'Login', res: 0 }])
  })

  it('is off with --quiet', async () => {
    const { stdout } = await serveOneLogin(['--quiet'])
    expect(stdout).not.toContain('Login')
  })

  it('refuses a format it does not know, as a usage error', async () => {
    const { code, stderr } = await serveOneLogin(['--log-format', 'xml'])
    expect(code).toBe(2)
    expect(stderr).toContain('--log-format must be pretty or json, not "xml"')
  })
})
