import type { ErrorCode } from '../shared/errors.ts'
import { Backoff } from './backoff.ts'
import type { Batch } from './inbox.ts'
import type { Probe } from './probe.ts'
import { codeOf, isConnectionTrouble } from './results.ts'
import type { Session } from './session.ts'
import { sleep, type Clock, type Timers } from './clock.ts'
import type { Timing } from './timing.ts'
import { diagnostics } from '../logging/diagnostics.ts'

export interface PollerOptions {
  readonly session: Session
  readonly timing: Timing
  readonly clock: Clock
  readonly timers: Timers
  /** Read before each wait, so a changed setting applies at once. */
  readonly pollIntervalMs: () => number
  /** Stores and shows a batch; it is acknowledged only after this returns. */
  readonly accept: (batch: Batch) => void
  readonly probe?: Probe
  readonly random?: () => number
}

/**
 * A reply with messages that comes back at once is asked after again at once, to empty a
 * queue: 20 replies of 50 empty the 1,000 a server keeps (D-24). A server that goes on
 * past that never empties (it may send the same messages again and again), so the poller
 * then waits the interval: whatever a server answers, it is never asked in a loop. Batches
 * with a new `BI` are new messages each time, from a server that holds its polls; they
 * count only when the server sends back the batch just acknowledged.
 */
const MAX_REPLIES_AT_ONCE = 20

/**
 * Fetches messages while the session lives. Every GetMsgEx carries `WT` and `AK` (section
 * 9); a server of the time ignores them and answers at once, ours holds the reply until a
 * message arrives and keeps each batch until it is acknowledged. Which one it is shows in
 * the replies (`BI`, or an empty reply that was held), never in a setting: an empty reply
 * that came back at once means "ask again after the polling interval", anything else means
 * "ask again now". Connection trouble waits with exponential backoff; `RES=3` waits the
 * penalty.
 */
export async function runPoller(options: PollerOptions): Promise<void> {
  const { session, timing, clock, timers, probe } = options
  const { signal } = session
  const backoff = new Backoff(timing.backoffBaseMs, timing.backoffMaxMs, options.random)
  const wait = timing.longPollSeconds
  let ack = '0'
  let ackGeneration = session.generation

  // After a re-login the server may be another one (restarted without its data): an old
  // batch id could acknowledge a batch never seen, so acknowledgements start over.
  const request = () => {
    if (session.generation !== ackGeneration) {
      ack = '0'
      ackGeneration = session.generation
    }
    return { cmd: 'GetMsgEx' as const, wait, ack }
  }

  let repliesAtOnce = 0
  while (!signal.aborted) {
    const started = clock.now()
    const acking = ack !== '0'
    const acked = ack
    let batch: Batch
    try {
      batch = await session.request(request, { timeoutMs: wait * 1000 + timing.longPollMarginMs })
    } catch (error) {
      const delay = delayAfter(codeOf(error), timing, backoff)
      if (delay === undefined) return
      if (isConnectionTrouble(codeOf(error)))
        session.connectionLost(codeOf(error), clock.now() + delay)
      await sleep(timers, delay, signal)
      continue
    }
    backoff.reset()
    if (acking) probe?.('receive:acked')
    const held = clock.now() - started >= timing.heldReplyMs
    if (batch.batchId !== undefined || (held && batch.messages.length === 0))
      session.setExtensions(true)
    else if (session.state.extensions === undefined) session.setExtensions(false)
    if (batch.messages.length > 0) {
      probe?.('receive:replied')
      try {
        options.accept(batch)
      } catch (error) {
        // Not stored, so not acknowledged: the server sends the batch again.
        diagnostics().error({ err: error }, 'a batch of messages could not be stored')
        await sleep(timers, backoff.next(), signal)
        continue
      }
    }
    const again = batch.batchId === undefined || (acking && batch.batchId === acked)
    ack = batch.batchId ?? '0'
    repliesAtOnce = !held && again ? repliesAtOnce + 1 : 0
    if (batch.messages.length > 0 && repliesAtOnce < MAX_REPLIES_AT_ONCE) continue
    repliesAtOnce = 0
    if (!held) await sleep(timers, options.pollIntervalMs(), signal)
  }
}

/** How long to wait after a failed poll; undefined when the session is over. */
function delayAfter(code: ErrorCode, timing: Timing, backoff: Backoff): number | undefined {
  if (code === 'PENALTY') return timing.penaltyMs
  if (isConnectionTrouble(code)) return backoff.next()
  if (code === 'OFFLINE' || code === 'NOT_LOGGED_IN') return undefined
  // Anything else (a bug, a refusal a poll should never get) must not spin either.
  return backoff.next()
}
