import { STATUS, type Status } from '../../../shared/protocol/index.ts'
import { keyMatches } from '../session-key.ts'
import type { LiveStateOptions, Session, SessionTable } from '../types.ts'

interface Entry extends Session {
  key: string | undefined
  status: Status
  lastSeen: number
  /** Requests of this session being held (long polls). */
  held: number
}

/**
 * Sessions in this process's memory: after a restart clients log in again on `RES=20`.
 * Expired by a sweep every quarter of `LI` (at most 5 s, at least 20 ms).
 */
export class MemorySessions implements SessionTable {
  readonly #byUin = new Map<number, Entry>()
  readonly #options: LiveStateOptions
  readonly #sweeper: NodeJS.Timeout
  #nextId = 0

  constructor(options: LiveStateOptions) {
    this.#options = options
    const every = Math.max(20, Math.min(5000, options.idleMs / 4))
    this.#sweeper = setInterval(() => this.#sweep(), every)
    this.#sweeper.unref()
  }

  /** The entry behind a snapshot, if that session is still the current one. */
  #entry(session: Session): Entry | undefined {
    const entry = this.#byUin.get(session.uin)
    return entry?.id === session.id ? entry : undefined
  }

  async find(address: string, uin: number, key: string | undefined): Promise<Session | undefined> {
    const entry = this.#byUin.get(uin)
    if (!entry || entry.address !== address) return undefined
    if (entry.key !== undefined && !keyMatches(entry.key, key)) return undefined
    entry.lastSeen = this.#options.now()
    return entry
  }

  async current(uin: number): Promise<Session | undefined> {
    return this.#byUin.get(uin)
  }

  async statuses(uins: readonly number[]): Promise<ReadonlyMap<number, Status>> {
    const found = new Map<number, Status>()
    for (const uin of uins) {
      const entry = this.#byUin.get(uin)
      if (entry) found.set(uin, entry.status)
    }
    return found
  }

  async login(address: string, uin: number, key: string | undefined): Promise<Session> {
    const existing = this.#byUin.get(uin)
    if (existing?.address === address) {
      existing.lastSeen = this.#options.now()
      existing.key = key
      existing.status = STATUS.ONLINE
      return existing
    }
    if (existing) await this.#end(existing)
    const entry: Entry = {
      id: String(++this.#nextId),
      uin,
      address,
      key,
      status: STATUS.ONLINE,
      lastSeen: this.#options.now(),
      held: 0
    }
    this.#byUin.set(uin, entry)
    return entry
  }

  async setStatus(session: Session, status: Status): Promise<Status | undefined> {
    const entry = this.#entry(session)
    if (!entry) return undefined
    const before = entry.status
    entry.status = status
    return before
  }

  async end(session: Session): Promise<void> {
    const entry = this.#entry(session)
    if (entry) await this.#end(entry)
  }

  async hold(session: Session): Promise<void> {
    const entry = this.#entry(session)
    if (entry) entry.held += 1
  }

  async release(session: Session): Promise<void> {
    const entry = this.#entry(session)
    if (!entry) return
    entry.held -= 1
    entry.lastSeen = this.#options.now()
  }

  async stop(): Promise<void> {
    clearInterval(this.#sweeper)
  }

  #end(entry: Entry): Promise<void> {
    this.#byUin.delete(entry.uin)
    return this.#options.onEnd(entry)
  }

  /** D-9: ends every session that sent nothing for `LI` seconds and holds no request. */
  #sweep(): void {
    const oldest = this.#options.now() - this.#options.idleMs
    for (const entry of [...this.#byUin.values()]) {
      // Nobody waits for an idle session's end; a notice that fails is lost (see onEnd).
      if (entry.held === 0 && entry.lastSeen <= oldest) this.#end(entry).catch(() => {})
    }
  }
}
