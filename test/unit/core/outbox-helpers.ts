import { Outbox } from '../../../src/core/outbox.ts'
import { PacingReport } from '../../../src/core/pacing-report.ts'
import type { DeliveryStep } from '../../../src/core/probe.ts'
import { createPacers } from '../../../src/core/rate-pacer.ts'
import { openAccountStore } from '../../../src/core/store/account-store.ts'
import { systemClock, systemTimers } from '../../../src/core/clock.ts'
import { DEFAULT_TIMING } from '../../../src/core/timing.ts'
import type { CoreEvent } from '../../../src/shared/model.ts'
import type { Request } from '../../../src/shared/protocol/index.ts'
import { ScriptedTransport, ordinaryReply, type Answer } from './scripted-transport.ts'
import { scriptedSession } from './session-helpers.ts'
import { useTempDirs } from './temp-dir.ts'

const tempDir = useTempDirs()
export const PENALTY_MS = 20_000

/**
 * An outbox of a logged-in session over a scripted transport, keeping the real rate limits
 * unless told otherwise; `answerMessage` answers the n-th CLTMSG.
 */
export async function outboxWith(
  answerMessage: (request: Extract<Request, { cmd: 'CLTMSG' }>, n: number) => Answer,
  messageWindowMs = DEFAULT_TIMING.messageWindowMs
) {
  let n = 0
  const transport = new ScriptedTransport((request) =>
    request.cmd === 'CLTMSG' ? answerMessage(request, n++) : ordinaryReply(request)
  )
  const { session } = scriptedSession(transport)
  await session.login(10)
  const store = openAccountStore(tempDir(), 'built-in', 10001)
  const events: CoreEvent[] = []
  const steps: DeliveryStep[] = []
  const emit = (event: CoreEvent) => void events.push(event)
  const pacers = createPacers({ ...DEFAULT_TIMING, messageWindowMs }, systemClock, systemTimers)
  const outbox = new Outbox({
    messages: store.messages,
    emit,
    timers: systemTimers,
    penaltyMs: PENALTY_MS,
    now: () => Date.now(),
    pacer: pacers.messages,
    report: new PacingReport(emit),
    probe: (step) => steps.push(step)
  })
  const running = outbox.run(session)
  const sent = () => transport.sent.filter((s) => s.request.cmd === 'CLTMSG')
  const texts = () => transport.of('CLTMSG').map((r) => r.text)
  const states = () => store.messages.all(null).map((m) => [m.text, m.state, m.error])
  /** The `messagesUntil` of every pacing event, in order. */
  const waits = () => events.flatMap((e) => (e.type === 'pacing' ? [e.pacing.messagesUntil] : []))
  const finish = async () => {
    await session.logout()
    await running
    store.close()
  }
  return { outbox, session, store, events, steps, sent, texts, states, waits, finish }
}
