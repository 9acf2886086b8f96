/**
 * The live state of a server, as async interfaces: who is logged in and how they appear
 * (sessions and presence), the rate windows behind penalties, the login guard, and the
 * long polls' wake-ups. `memory/` keeps them in this process (one server); a shared
 * implementation (Redis) lets several nodes serve the same users, any node any request.
 *
 * The rules every implementation keeps:
 * - a Session is a snapshot; its `id` tells it from a later session of the same number
 *   (a login elsewhere replaces a session, D-10), which is how a held poll learns its
 *   session is gone;
 * - `onEnd` runs on the node where a session ends (logout, replaced, idle), once, and
 *   `end` and `login` wait for it;
 * - `Waiters.wake(uin)` reaches the polls held for `uin` on every node; a wait is ready
 *   (subscribed) before the poll reads the queue, so no wake-up falls between the two.
 */
import { STATUS, type Status } from '../../shared/protocol/index.ts'

/** What others see: invisible is reported as offline (section 6.8). */
export function visibleStatus(status: Status): Status {
  return status === STATUS.INVISIBLE ? STATUS.OFFLINE : status
}

export interface Session {
  /** Unique across nodes and time: tells this session from a later one of the same number. */
  readonly id: string
  readonly uin: number
  /** The client address it was opened from; with the UIN, what identifies the client. */
  readonly address: string
  /** D-26: a keyed session answers only requests that carry this key. */
  readonly key: string | undefined
  readonly status: Status
}

/** Sessions and presence: one session per UIN (D-10), known by address plus UIN (5). */
export interface SessionTable {
  /**
   * The session of this client, marked as active; undefined means `RES=20`. A keyed session
   * (D-26) is this client's only with its key: without it the request is a stranger's and
   * leaves the session as it was.
   */
  find(address: string, uin: number, key: string | undefined): Promise<Session | undefined>
  /** The session of `uin` wherever it is, without marking it active. */
  current(uin: number): Promise<Session | undefined>
  /** Presence: the status of each of `uins` that has a session (absent: offline). */
  statuses(uins: readonly number[]): Promise<ReadonlyMap<number, Status>>
  /**
   * Opens a session, online, or refreshes this client's own (same id, status online). A
   * session of the same UIN at another address ends first (D-10). `key` keys it (D-26), or
   * unkeys it: a login proves the password, so it replaces the key the session had.
   */
  login(address: string, uin: number, key: string | undefined): Promise<Session>
  /** Resolves to the status the session had, or undefined when it has ended meanwhile. */
  setStatus(session: Session, status: Status): Promise<Status | undefined>
  /** Ends the session if it is still the current one of its UIN; then `onEnd` runs. */
  end(session: Session): Promise<void>
  /** A request of the session is held (long poll): a waiting client is not idle (D-9). */
  hold(session: Session): Promise<void>
  /** The held request is answered: the session counts as active from now. */
  release(session: Session): Promise<void>
  /** Stops the timers (idle expiry); the sessions themselves stay where they are kept. */
  stop(): Promise<void>
}

/** D-19: one status change per 3 s; D-22: five messages per 5 s (times the penalty scale). */
export const RATE_LIMITS = {
  status: { limit: 1, windowMs: 3000 },
  message: { limit: 5, windowMs: 5000 }
} as const

export type RateKind = keyof typeof RATE_LIMITS

/**
 * Sliding windows per session (RATE_LIMITS): refused attempts do not count, so a client that
 * waits out its penalty gets its turn.
 */
export interface RateLimits {
  /** Records an event at `now` and resolves true, or false when it would be too many. */
  take(sessionId: string, kind: RateKind, now: number): Promise<boolean>
  /** The session ended: its windows can go. */
  forget(sessionId: string): Promise<void>
}

/** Wrong passwords allowed per number and address within the window, before a penalty. */
export const LOGIN_GUARD = { failures: 5, windowMs: 60_000 } as const

/**
 * Password guessing: after five wrong passwords for one number from one address within a
 * minute, further logins from there are refused as a penalty without checking the password.
 */
export interface LoginGuard {
  blocked(address: string, uin: number, now: number): Promise<boolean>
  failed(address: string, uin: number, now: number): Promise<void>
  succeeded(address: string, uin: number): Promise<void>
}

export type WaitEnd = 'woken' | 'timeout' | 'aborted'

/** One held long poll. */
export interface Wait {
  /** Resolves once a wake-up sent from any node would reach this wait. */
  readonly ready: Promise<void>
  readonly ended: Promise<WaitEnd>
  /** The poll is answered without waiting (its queue had messages): lets go of the wait. */
  cancel(): void
}

/** Long polls (D-24 `WT`), held until something arrives, time is up or the client goes. */
export interface Waiters {
  /** Registered at once: wake-ups count from this call (once `ready`). */
  wait(uin: number, ms: number, signal: AbortSignal): Wait
  /** Wakes the polls held for `uin`, on every node that holds one. */
  wake(uin: number): Promise<void>
  /** Wakes every poll this node holds, and any poll after it at once (the server closes). */
  wakeAll(): void
}

export interface LiveStateOptions {
  /** `LI`: a session that sends nothing and holds no request for this long ends. */
  readonly idleMs: number
  /** Multiplies the rate-limit and login-guard windows, like the penalties. */
  readonly rateScale: number
  readonly now: () => number
  /**
   * A session ended (logout, replaced, idle): announce it offline, answer its held polls.
   * `end` and `login` resolve after it, so a Logout is answered once friends were told.
   */
  readonly onEnd: (session: Session) => Promise<void>
}

export interface LiveState {
  readonly sessions: SessionTable
  readonly rateLimits: RateLimits
  readonly loginGuard: LoginGuard
  readonly waiters: Waiters
  close(): Promise<void>
}
