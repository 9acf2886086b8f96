import type { RatePacer } from '../../../src/core/rate-pacer.ts'
import { Session } from '../../../src/core/session.ts'
import { systemClock } from '../../../src/core/clock.ts'
import { resolveTiming, type Timing } from '../../../src/core/timing.ts'
import type { SessionState } from '../../../src/shared/model.ts'
import type { ScriptedTransport } from './scripted-transport.ts'

export const UIN = 10001
export const MD5 = '5f4dcc3b5aa765d61d8327deb882cf99'

/** A session over a scripted transport, with its states recorded. */
export function scriptedSession(
  transport: ScriptedTransport,
  timing: Partial<Timing> = {},
  { statusPacer, server = '127.0.0.1:8000' }: { statusPacer?: RatePacer; server?: string } = {}
) {
  const states: SessionState[] = []
  const session = new Session({
    transport,
    server,
    uin: UIN,
    passwordMd5: MD5,
    timing: resolveTiming(timing),
    clock: systemClock,
    onState: (state) => states.push(state),
    statusPacer
  })
  return { session, states }
}
