import { codeOf, isConnectionTrouble } from './results.ts'
import type { Session } from './session.ts'
import { sleep, type Clock, type Timers } from './clock.ts'
import { diagnostics } from '../logging/diagnostics.ts'

export interface KeepaliveOptions {
  readonly session: Session
  readonly clock: Clock
  readonly timers: Timers
  readonly presenceRefreshMs: number
  /** A full `Query_Stat`, to catch any presence change an MT=99 did not bring. */
  readonly refreshPresence: () => Promise<void>
}

/**
 * Keeps the session alive and presence right: a `Query_Stat` every so often, and a cheap
 * request whenever half of `HI` passed without any (the poller normally speaks far more
 * often; a long polling interval is what this is for).
 */
export async function runKeepalive(options: KeepaliveOptions): Promise<void> {
  const { session, clock, timers } = options
  const { signal } = session
  let nextRefresh = clock.now() + options.presenceRefreshMs
  while (!signal.aborted) {
    const heartbeatMs = (session.heartbeatSeconds * 1000) / 2
    const heartbeatDue = session.lastSentAt + heartbeatMs
    const due = Math.min(nextRefresh, heartbeatDue)
    if (!(await sleep(timers, Math.max(0, due - clock.now()), signal))) return
    if (!(await session.whenOnline())) return
    try {
      if (clock.now() >= nextRefresh) {
        nextRefresh = clock.now() + options.presenceRefreshMs
        await options.refreshPresence()
      } else if (clock.now() - session.lastSentAt >= heartbeatMs) {
        await session.request({ cmd: 'GetInfo', level: 0, target: session.client.uin })
      }
    } catch (error) {
      // The poller notices a lost connection and recovers it; here it only must not spin.
      const code = codeOf(error)
      if (!isConnectionTrouble(code) && code !== 'PENALTY' && code !== 'OFFLINE') {
        diagnostics().error({ err: error }, 'keeping the session alive failed')
      }
      nextRefresh = Math.max(nextRefresh, clock.now() + options.presenceRefreshMs)
    }
  }
}
