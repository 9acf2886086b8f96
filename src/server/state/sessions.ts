import { STATUS, type Status } from '../../shared/protocol/index.ts'
import { RateWindow } from './rate-window.ts'
import { keyMatches } from './session-key.ts'

/** D-19: one status change per 3 s; D-22: five messages per 5 s (times the penalty scale). */
const STATUS_CHANGES = { limit: 1, windowMs: 3000 }
const MESSAGES = { limit: 5, windowMs: 5000 }

export interface Session {
  readonly uin: number
  /** The client address it was opened from; with the UIN, what identifies the client. */
  readonly address: string
  /** D-26: a keyed session answers only requests that carry this key. */
  key: string | undefined
  status: Status
  lastSeen: number
  /** Requests of this session being held (long polls): a waiting client is not idle. */
  held: number
  readonly statusChanges: RateWindow
  readonly messages: RateWindow
}

/** What others see: invisible is reported as offline (section 6.8). */
export function visibleStatus(status: Status): Status {
  return status === STATUS.INVISIBLE ? STATUS.OFFLINE : status
}

export interface SessionsOptions {
  readonly idleMs: number
  /** Multiplies the rate-limit windows, like the penalties. */
  readonly rateScale: number
  readonly now: () => number
  readonly onEnd: (session: Session) => void
}

/**
 * Who is logged in: one session per UIN (D-10), known by its client address plus UIN (5).
 * Sessions live in memory; after a restart clients log in again on `RES=20`.
 */
export class Sessions {
  readonly #byUin = new Map<number, Session>()
  readonly #options: SessionsOptions
  readonly #sweeper: NodeJS.Timeout

  constructor(options: SessionsOptions) {
    this.#options = options
    const every = Math.max(20, Math.min(5000, options.idleMs / 4))
    this.#sweeper = setInterval(() => this.sweep(), every)
    this.#sweeper.unref()
  }

  /**
   * The session of this client, marked as active; undefined means `RES=20`. A keyed session
   * (D-26) is this client's only with its key: without it, the request is a stranger's and
   * leaves the session as it was.
   */
  find(address: string, uin: number, key: string | undefined): Session | undefined {
    const session = this.#byUin.get(uin)
    if (!session || session.address !== address) return undefined
    if (session.key !== undefined && !keyMatches(session.key, key)) return undefined
    session.lastSeen = this.#options.now()
    return session
  }

  /** The session of `uin` wherever it is, without marking it active. */
  current(uin: number): Session | undefined {
    return this.#byUin.get(uin)
  }

  /**
   * Opens a session, or refreshes this client's own. A session of the same UIN at another
   * address ends first (D-10). `key` keys it (D-26), or unkeys it: a login proves the
   * password, so it replaces the key the session had.
   */
  login(address: string, uin: number, key: string | undefined): Session {
    const existing = this.#byUin.get(uin)
    if (existing?.address === address) {
      existing.lastSeen = this.#options.now()
      existing.key = key
      return existing
    }
    if (existing) this.end(existing)
    const { rateScale } = this.#options
    const session: Session = {
      uin,
      address,
      key,
      status: STATUS.ONLINE,
      lastSeen: this.#options.now(),
      held: 0,
      statusChanges: new RateWindow(STATUS_CHANGES.limit, STATUS_CHANGES.windowMs * rateScale),
      messages: new RateWindow(MESSAGES.limit, MESSAGES.windowMs * rateScale)
    }
    this.#byUin.set(uin, session)
    return session
  }

  end(session: Session): void {
    if (this.#byUin.get(session.uin) !== session) return
    this.#byUin.delete(session.uin)
    this.#options.onEnd(session)
  }

  /** D-9: ends every session that sent nothing for `LI` seconds and holds no request. */
  sweep(): void {
    const oldest = this.#options.now() - this.#options.idleMs
    for (const session of [...this.#byUin.values()]) {
      if (session.held === 0 && session.lastSeen <= oldest) this.end(session)
    }
  }

  stop(): void {
    clearInterval(this.#sweeper)
  }
}
