/**
 * `listen` against a server without long poll (`--classic`): it polls at the interval of the
 * settings (2 s), like every client of the time, never in a loop.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import type { RunningServer } from '../../../src/server/index.ts'
import { ALICE, PASSWORD, removeDir, tempDir, testServer, until } from '../core/harness.ts'
import { linesLog } from '../../fixtures/request-lines.ts'

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url))

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

it('listen polls a classic server every 2 s, not in a loop', async () => {
  const lines: string[] = []
  const server: RunningServer = await testServer({ classic: true, log: linesLog(lines) })
  cleanups.push(() => server.close())
  const dataDir = tempDir('qq-cli-classic-')
  cleanups.push(() => removeDir(dataDir))
  const args = ['--server', server.address, '--uin', String(ALICE), '--password', PASSWORD]
  const child = spawn(process.execPath, [
    '--disable-warning=ExperimentalWarning',
    MAIN,
    '--data',
    dataDir,
    ...args,
    'listen'
  ])
  const exited = new Promise((resolve) => child.once('exit', resolve))
  cleanups.push(async () => {
    child.kill('SIGINT')
    await exited
  })
  const polls = () => lines.filter((line) => line.includes(` ${ALICE} GetMsgEx `))
  await until(() => polls().length > 0, 'a first poll')
  await new Promise((resolve) => setTimeout(resolve, 3000))
  // At 0 and 2 s, and 4 s on a slow machine.
  expect(polls().length).toBeLessThanOrEqual(3)
})
