import { MAX_WAIT_SECONDS } from '../shared/protocol/index.ts'

/**
 * Every delay the client keeps, in one place. The defaults are what a good client of the
 * protocol does (section 9); tests shrink them to match a server with scaled penalties.
 */
export interface Timing {
  /** Any request: above the 30 s a DelFromList penalty is held. */
  readonly requestTimeoutMs: number
  /** `WT` sent with every GetMsgEx; a long-poll request may take this long plus the margin. */
  readonly longPollSeconds: number
  readonly longPollMarginMs: number
  /** How long to wait after `RES=3` before repeating the command. */
  readonly penaltyMs: number
  /**
   * The rate limits the client keeps so that our server never has cause for a penalty:
   * five messages per `messageWindowMs` (D-22), one status change per `statusWindowMs`
   * (D-19). 0 keeps none, as for a server whose limits are unknown: its `RES=3` is then
   * waited out as before.
   */
  readonly messageWindowMs: number
  readonly statusWindowMs: number
  /** Reconnection: the first delay and the most it grows to (exponential, with jitter). */
  readonly backoffBaseMs: number
  readonly backoffMaxMs: number
  /** A full `Query_Stat` this often, so presence stays right even if an MT=99 was missed. */
  readonly presenceRefreshMs: number
  /**
   * A second `RES=20` within this long of a re-login means someone else holds the number:
   * go offline instead of logging in again (two clients would otherwise take turns forever).
   */
  readonly reloginWindowMs: number
  /** An empty GetMsgEx reply held at least this long shows the server long-polls. */
  readonly heldReplyMs: number
  /** Logout is a courtesy on the way out: it must not hold up quitting. */
  readonly logoutTimeoutMs: number
}

export const DEFAULT_TIMING: Timing = {
  requestTimeoutMs: 40_000,
  longPollSeconds: 25,
  longPollMarginMs: 10_000,
  penaltyMs: 20_000,
  messageWindowMs: 5_000,
  statusWindowMs: 3_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  presenceRefreshMs: 60_000,
  reloginWindowMs: 60_000,
  heldReplyMs: 1_000,
  logoutTimeoutMs: 3_000
}

export function resolveTiming(overrides: Partial<Timing> = {}): Timing {
  const timing = { ...DEFAULT_TIMING, ...overrides }
  return { ...timing, longPollSeconds: Math.min(timing.longPollSeconds, MAX_WAIT_SECONDS) }
}
