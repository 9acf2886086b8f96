import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeliveryStep } from '../../../src/core/index.ts'
import { serverKey } from '../../../src/core/server-address.ts'
import { openAccountStore } from '../../../src/core/store/account-store.ts'
import type { RunningServer } from '../../../src/server/index.ts'
import type { ChatMessage, CoreEvent } from '../../../src/shared/model.ts'
import {
  ALICE,
  BOB,
  PASSWORD,
  PENALTY_MS,
  removeDir,
  tempDir,
  TestClient,
  testServer,
  until,
  valueOf
} from './harness.ts'

const DRIVER = fileURLToPath(new URL('./crash-driver.ts', import.meta.url))

/** What the driver prints: the core's events, and `ready` once it has logged in. */
type DriverLine = CoreEvent | { readonly type: 'ready' }

interface Driver {
  readonly child: ChildProcess
  readonly events: DriverLine[]
  readonly exited: Promise<NodeJS.Signals | number | null>
}

function startDriver(env: Record<string, string>): Driver {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', DRIVER], {
    env: { ...process.env, QQ_PASSWORD: PASSWORD, PENALTY_MS: String(PENALTY_MS), ...env },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const events: DriverLine[] = []
  if (child.stdout === null) throw new Error('no stdout')
  createInterface({ input: child.stdout }).on('line', (line) => {
    events.push(JSON.parse(line) as DriverLine)
  })
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code))
  )
  return { child, events, exited }
}

async function stopDriver(driver: Driver): Promise<void> {
  driver.child.kill('SIGTERM')
  expect(await driver.exited).toBe(0)
}

/** Every message of `uin`'s history with `peer`, oldest first, read from the file. */
function storedHistory(
  dataDir: string,
  server: RunningServer,
  uin: number,
  peer: number
): ChatMessage[] {
  const store = openAccountStore(dataDir, serverKey(server.address), uin)
  try {
    return store.messages.all(peer)
  } finally {
    store.close()
  }
}

const received = (driver: Driver, text: string) =>
  driver.events.some(
    (e) => e.type === 'message' && e.message.direction === 'in' && e.message.text === text
  )

describe('a client killed with SIGKILL (against a server with acknowledged batches)', () => {
  let server: RunningServer
  let dataDir: string
  const clients: TestClient[] = []

  beforeEach(async () => {
    server = await testServer()
    dataDir = tempDir('qq-crash-')
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.stop()
    await server.close()
    removeDir(dataDir)
  })

  const inProcess = async (uin: number) => {
    const client = new TestClient()
    clients.push(client)
    return client.login(server, uin)
  }

  const env = (uin: number, extra: Record<string, string> = {}) => ({
    QQ_SERVER: server.address,
    QQ_UIN: String(uin),
    QQ_DATA: dataDir,
    ...extra
  })

  const receiveSteps: DeliveryStep[] = [
    'receive:replied',
    'receive:storing',
    'receive:stored',
    'receive:shown',
    'receive:acked'
  ]
  it.each(receiveSteps)(
    'while receiving, at %s: after a restart every message is in history exactly once',
    async (step) => {
      const alice = await inProcess(ALICE)
      const texts = ['one', 'two, 二', 'three & 3', 'four', 'five']
      for (const text of texts) valueOf(await alice.calls.sendMessage(alice.account, BOB, text))
      await until(
        () =>
          alice.events.filter((e) => e.type === 'message-state' && e.message.state === 'sent')
            .length === texts.length,
        'the messages to be sent'
      )

      const crashed = startDriver(env(BOB, { KILL_AT: step }))
      expect(await crashed.exited).toBe('SIGKILL')

      const restarted = startDriver(env(BOB))
      valueOf(await alice.calls.sendMessage(alice.account, BOB, 'the end'))
      await until(() => received(restarted, 'the end'), 'the last message')
      await stopDriver(restarted)

      expect(storedHistory(dataDir, server, BOB, ALICE).map((m) => m.text)).toEqual([
        ...texts,
        'the end'
      ])
    }
  )

  const sendSteps: [DeliveryStep, ChatMessage['state'], string[]][] = [
    // Stored, not sent: the outbox sends it after the restart.
    ['send:stored', 'sent', ['first', 'second', 'the end']],
    // Marked as on the wire but killed before writing: unknown, not resent blindly.
    ['send:requesting', 'unknown', ['first', 'the end']],
    // The server took it, the client never learned: unknown, and not sent twice.
    ['send:replied', 'unknown', ['first', 'second', 'the end']],
    ['send:marked', 'sent', ['first', 'second', 'the end']]
  ]
  it.each(sendSteps)(
    'while sending, at %s: the message is kept once, as %s, and arrives at most once',
    async (step, state, arrived) => {
      const bob = await inProcess(BOB)
      const crashed = startDriver(
        env(ALICE, {
          KILL_AT: step,
          KILL_NTH: '2',
          SEND_TO: String(BOB),
          SEND_TEXTS: JSON.stringify(['first', 'second'])
        })
      )
      expect(await crashed.exited).toBe('SIGKILL')

      const restarted = startDriver(
        env(ALICE, { SEND_TO: String(BOB), SEND_TEXTS: JSON.stringify(['the end']) })
      )
      await until(() => restarted.events.some((e) => e.type === 'ready'), 'the restarted sender')
      await bob.waitForTexts(ALICE, arrived.length)
      await stopDriver(restarted)
      // Time for anything sent twice to show up before the count.
      await new Promise((resolve) => setTimeout(resolve, 300))

      expect(bob.received(ALICE)).toEqual(arrived)
      const history = storedHistory(dataDir, server, ALICE, BOB)
      expect(history.map((m) => [m.text, m.state])).toEqual([
        ['first', 'sent'],
        ['second', state],
        ['the end', 'sent']
      ])
    }
  )
})
