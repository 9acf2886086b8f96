/**
 * Client-to-client delivery time: 200 messages from one real core to another through a
 * real server on this machine, once with long poll and acknowledged batches, once against
 * `--classic` (plain polling every 2 s), in one run. The round trip of the CLTMSG request
 * itself is printed beside them: the floor any delivery stands on. A figure, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createClientCore,
  createFileSettingsStore,
  NO_SECRETS,
  type ClientCore
} from '../src/core/index.ts'
import { startServer } from '../src/server/index.ts'
import { format, percentile } from './measure.ts'

const MESSAGES = 200
const PACE_MS = 20
const SENDER = 10001
const RECEIVER = 10002
const PASSWORD = 'bench'

interface Figures {
  delivery: number[]
  roundTrip: number[]
}

/** A core signed in as `uin`, with the id its calls name. */
async function client(
  server: string,
  uin: number,
  dataDir: string
): Promise<{ core: ClientCore; account: string }> {
  const core = createClientCore({
    dataDir: join(dataDir, String(uin)),
    settings: createFileSettingsStore(join(dataDir, `${uin}.json`)),
    secrets: NO_SECRETS
  })
  const login = await core.calls.login({
    uin,
    password: PASSWORD,
    status: 10,
    rememberPassword: false,
    autoLogin: false,
    server
  })
  if (!login.ok) throw new Error(`login ${uin}: ${login.error.code}`)
  return { core, account: login.value.account }
}

async function measure(classic: boolean): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qq-bench-'))
  // Rate-limit windows scaled down, so pacing, not penalties, sets the rhythm.
  const server = await startServer({
    port: 0,
    classic,
    penaltyScale: 0.001,
    seed: {
      accounts: [
        { uin: SENDER, password: PASSWORD, friends: [RECEIVER] },
        { uin: RECEIVER, password: PASSWORD, friends: [SENDER] }
      ]
    }
  })
  const sender = await client(server.address, SENDER, dataDir)
  const receiver = await client(server.address, RECEIVER, dataDir)
  const sentAt = new Map<string, number>()
  const delivery: number[] = []
  const roundTrip: number[] = []
  let done: () => void = () => undefined
  const all = new Promise<void>((resolve) => (done = resolve))
  receiver.core.onEvent(({ event }) => {
    if (event.type !== 'message' || event.message.direction !== 'in') return
    const start = sentAt.get(event.message.text)
    if (start !== undefined) delivery.push(performance.now() - start)
    if (delivery.length === MESSAGES) done()
  })
  sender.core.onEvent(({ event }) => {
    if (event.type !== 'message-state' || event.message.state !== 'sent') return
    const start = sentAt.get(event.message.text)
    if (start !== undefined) roundTrip.push(performance.now() - start)
  })
  for (let i = 0; i < MESSAGES; i++) {
    const text = `message ${i}`
    sentAt.set(text, performance.now())
    await sender.core.calls.sendMessage(sender.account, RECEIVER, text)
    await new Promise((resolve) => setTimeout(resolve, PACE_MS))
  }
  await all
  await sender.core.stop()
  await receiver.core.stop()
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
  return { delivery, roundTrip }
}

const row = (name: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b)
  const cell = (p: number) => `${format(percentile(sorted, p), 1)} ms`.padStart(12)
  return `${name.padEnd(34)}${cell(50)}${cell(99)}`
}

const longPoll = await measure(false)
const classic = await measure(true)
console.log(
  `client-to-client delivery: ${MESSAGES} messages, one every ${PACE_MS} ms, on this machine`
)
console.log(`${''.padEnd(34)}${'p50'.padStart(12)}${'p99'.padStart(12)}`)
console.log(row('long poll (WT) + batches (AK)', longPoll.delivery))
console.log(row('classic polling, every 2 s', classic.delivery))
console.log(row('baseline: one CLTMSG round trip', longPoll.roundTrip))
const p50 = percentile(
  [...longPoll.delivery].sort((a, b) => a - b),
  50
)
console.log(`goal with long poll: p50 ≤ 50 ms: ${p50 <= 50 ? 'met' : 'NOT met'}`)
