/**
 * A client in a process of its own, for the crash tests: logs in, sends the texts it is
 * given one after another (each waits until it is settled), prints every event as a JSON
 * line, and runs until SIGTERM. With KILL_AT it kills itself with SIGKILL the KILL_NTH time
 * (default 1) the core passes that delivery step: no cleanup, no flush, as in a real crash.
 */
import { join } from 'node:path'
import {
  createClientCore,
  createFileSettingsStore,
  NO_SECRETS,
  type DeliveryStep
} from '../../../src/core/index.ts'
import type { ChatMessage } from '../../../src/shared/model.ts'

const env = process.env
const killAt = env.KILL_AT as DeliveryStep | undefined
const killNth = Number(env.KILL_NTH ?? 1)
let passes = 0
const dataDir = env.QQ_DATA ?? ''
const print = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n')

const core = createClientCore({
  dataDir,
  settings: createFileSettingsStore(join(dataDir, 'settings.json')),
  secrets: NO_SECRETS,
  // A short long poll, so the request that acknowledges a batch returns soon.
  timing: { longPollSeconds: 1, penaltyMs: Number(env.PENALTY_MS ?? 20_000) },
  probe: (step) => {
    if (step === killAt && ++passes === killNth) process.kill(process.pid, 'SIGKILL')
  }
})

const settled = new Map<string, (message: ChatMessage) => void>()
core.onEvent(({ event }) => {
  print(event)
  if (event.type === 'message-state' && event.message.state !== 'pending')
    settled.get(event.message.id)?.(event.message)
})

process.once('SIGTERM', () => {
  void core.stop().then(() => process.exit(0))
})

const login = await core.calls.login({
  uin: Number(env.QQ_UIN),
  password: env.QQ_PASSWORD ?? '',
  status: 10,
  rememberPassword: false,
  autoLogin: false,
  server: env.QQ_SERVER ?? ''
})
if (!login.ok) {
  print({ type: 'error', error: login.error })
  process.exit(1)
}
const { account } = login.value
const texts: string[] = JSON.parse(env.SEND_TEXTS ?? '[]')
for (const text of texts) {
  const done = new Promise<ChatMessage>((resolve) => {
    void core.calls.sendMessage(account, Number(env.SEND_TO), text).then((sent) => {
      if (sent.ok) settled.set(sent.value.id, resolve)
    })
  })
  await done
}
print({ type: 'ready' })
