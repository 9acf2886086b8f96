import type { LiveState, LiveStateOptions } from '../types.ts'
import { MemoryLoginGuard } from './login-guard.ts'
import { MemoryRateLimits } from './rate-limits.ts'
import { MemorySessions } from './sessions.ts'
import { LocalWaiters } from './waiters.ts'

/** The live state of a single server, in its own memory (the embedded default). */
export function createMemoryState(options: LiveStateOptions): LiveState {
  const sessions = new MemorySessions(options)
  return {
    sessions,
    rateLimits: new MemoryRateLimits(options.rateScale),
    loginGuard: new MemoryLoginGuard(options.rateScale),
    waiters: new LocalWaiters(),
    close: () => sessions.stop()
  }
}
