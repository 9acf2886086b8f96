import { CodedError, type ErrorCode } from '../shared/errors.ts'
import type { SessionState, Status } from '../shared/model.ts'
import { RES, STATUS, type ReplyData, type Request } from '../shared/protocol/index.ts'
import { dataOf, ProtocolClient, resError, type CallOptions } from './protocol-client.ts'
import type { RatePacer } from './rate-pacer.ts'
import { codeOf } from './results.ts'
import { isSecureServer } from './server-address.ts'
import { serverProtection } from '../shared/server-protection.ts'
import type { Clock } from './clock.ts'
import type { Timing } from './timing.ts'
import type { Transport } from './transport.ts'

export interface SessionOptions {
  readonly transport: Transport
  readonly server: string
  readonly uin: number
  readonly passwordMd5: string
  readonly timing: Timing
  readonly clock: Clock
  readonly onState: (state: SessionState) => void
  /** D-19, for every `Change_Stat` this session sends; none: the server's limit is unknown. */
  readonly statusPacer?: RatePacer
}

/** A request, or a function that writes it afresh for each attempt (after a re-login). */
export type RequestSource<R extends Request> = R | (() => R)

/**
 * One login's lifetime: offline → logging-in → online ⇄ reconnecting → offline. Every
 * request goes through `request`, which logs in again once on `RES=20` (the server may have
 * restarted, or our address changed) and goes offline when that does not help. Once
 * offline, a session is done: the account starts a new one to come back.
 */
export class Session {
  readonly client: ProtocolClient
  readonly #options: SessionOptions
  /** D-27: TLS, for the UI's lock; fixed for the session, as its server is. */
  readonly #secure: boolean
  /** Loopback: a password in the clear never leaves this computer (no warning mark). */
  readonly #local: boolean
  readonly #stop = new AbortController()
  #state: SessionState
  /** Counts logins, so a request sent before a re-login is not taken for a new RES=20. */
  #generation = 0
  #relogin: Promise<void> | undefined
  #lastReloginAt = -Infinity
  #lastSentAt = 0
  #heartbeatSeconds = 60
  readonly #phaseWaiters = new Set<() => void>()

  constructor(options: SessionOptions) {
    this.#options = options
    this.#secure = isSecureServer(options.server)
    this.#local = serverProtection(options.server) === 'local'
    this.client = new ProtocolClient({
      transport: options.transport,
      server: options.server,
      uin: options.uin,
      requestTimeoutMs: options.timing.requestTimeoutMs,
      onSent: () => (this.#lastSentAt = options.clock.now()),
      // Any reply shows the server is there: whoever waits for the connection may go on,
      // even while the poller's own request is held by a long poll.
      onReply: () => this.connectionRestored()
    })
    this.#state = { phase: 'offline', uin: null, status: STATUS.OFFLINE }
  }

  get state(): SessionState {
    return this.#state
  }

  get generation(): number {
    return this.#generation
  }

  /** Aborted when the session ends: every loop of the session stops on it. */
  get signal(): AbortSignal {
    return this.#stop.signal
  }

  get lastSentAt(): number {
    return this.#lastSentAt
  }

  /** `HI` of the login reply: the most seconds the server may hear nothing from us. */
  get heartbeatSeconds(): number {
    return this.#heartbeatSeconds
  }

  /** Logs in with `status`; throws (and ends the session) when the server says no. */
  async login(status: Status): Promise<void> {
    this.#set({ phase: 'logging-in', uin: this.#options.uin, status: STATUS.OFFLINE })
    try {
      await this.#login()
    } catch (error) {
      this.#end(codeOf(error))
      throw error
    }
    this.#set({ phase: 'online', uin: this.#options.uin, status: STATUS.ONLINE })
    // D-13: a login is always online; any other status is one Change_Stat away. A login
    // that cannot have the status asked for (invisible, say) is not left half done.
    if (status === STATUS.ONLINE) return
    try {
      await this.changeStatus(status)
    } catch (error) {
      await this.logout()
      throw error
    }
  }

  /** Sends a request as this session, with the one re-login that `RES=20` allows. */
  async request<R extends Request>(
    source: RequestSource<R>,
    options: CallOptions = {}
  ): Promise<ReplyData[R['cmd']]> {
    if (this.signal.aborted) throw new CodedError('OFFLINE', 'not logged in')
    const write = typeof source === 'function' ? source : () => source
    const call = () =>
      this.client.call(write(), { ...options, signal: this.signal }).catch((error: unknown) => {
        // D-27: a certificate refused mid-session is for the user to look at, not to retry.
        const code = codeOf(error)
        if (code === 'CERTIFICATE_CHANGED' || code === 'UNTRUSTED_CERTIFICATE') this.#end(code)
        throw error
      })
    const generation = this.#generation
    let reply = await call()
    if (!reply.ok && reply.res === RES.NOT_LOGGED_IN) {
      await this.#loginAgainAfter(generation)
      reply = await call()
      if (!reply.ok && reply.res === RES.NOT_LOGGED_IN) {
        this.#end('NOT_LOGGED_IN')
        throw resError(reply.cmd, reply.res)
      }
    }
    return dataOf(reply)
  }

  async changeStatus(status: Status): Promise<void> {
    await this.#paced(() => this.request({ cmd: 'Change_Stat', status }))
    if (this.#state.phase !== 'offline') this.#set({ ...this.#state, status })
  }

  /**
   * A `Change_Stat` in its turn: the one after a login and the one a re-login restores
   * count on the server like any other.
   */
  async #paced<T>(send: () => Promise<T>): Promise<T> {
    const pacer = this.#options.statusPacer
    if (pacer === undefined) return send()
    if (!(await pacer.turn(this.signal))) throw new CodedError('OFFLINE', 'not logged in')
    try {
      return await send()
    } finally {
      pacer.record()
    }
  }

  /** The connection failed: reconnecting until a request gets through. */
  connectionLost(reason: ErrorCode, retryAt?: number): void {
    const { phase } = this.#state
    if (phase !== 'online' && phase !== 'reconnecting') return
    this.#set({ ...this.#state, phase: 'reconnecting', reason, retryAt })
  }

  connectionRestored(): void {
    if (this.#state.phase !== 'reconnecting') return
    const { uin, status, extensions } = this.#state
    this.#set({ phase: 'online', uin, status, extensions })
  }

  /** What the poller learned from the server's replies (section 8), never configured. */
  setExtensions(extensions: boolean): void {
    if (this.#state.extensions !== extensions) this.#set({ ...this.#state, extensions })
  }

  /** Resolves true once online, false when the session ends first. */
  async whenOnline(): Promise<boolean> {
    while (this.#state.phase !== 'online') {
      if (this.#state.phase === 'offline') return false
      await new Promise<void>((resolve) => this.#phaseWaiters.add(resolve))
    }
    return true
  }

  /** Ends the session and tells the server, without waiting long for it. */
  async logout(): Promise<void> {
    if (this.#state.phase === 'offline') return
    this.#end(undefined)
    await this.client
      .call({ cmd: 'Logout' }, { timeoutMs: this.#options.timing.logoutTimeoutMs })
      .catch(() => undefined)
  }

  async #login(): Promise<void> {
    const login = dataOf(
      await this.client.call({
        cmd: 'Login',
        passwordMd5: this.#options.passwordMd5,
        // D-26: always asked for; a server of 2005 ignores the field and keys nothing.
        wantsKey: true
      })
    )
    if (!login.accepted) throw new CodedError('WRONG_PASSWORD', login.reason || 'wrong password')
    this.#heartbeatSeconds = login.heartbeat > 0 ? login.heartbeat : this.#heartbeatSeconds
    this.#generation++
  }

  #loginAgainAfter(generation: number): Promise<void> {
    // Someone logged in again since that request left: it only needs sending again.
    if (generation !== this.#generation) return Promise.resolve()
    if (this.#relogin !== undefined) return this.#relogin
    const now = this.#options.clock.now()
    if (now - this.#lastReloginAt < this.#options.timing.reloginWindowMs) {
      this.#end('NOT_LOGGED_IN')
      return Promise.reject(new CodedError('NOT_LOGGED_IN', 'logged out by the server again'))
    }
    this.#lastReloginAt = now
    this.#relogin = this.#reloginOnce().finally(() => (this.#relogin = undefined))
    return this.#relogin
  }

  async #reloginOnce(): Promise<void> {
    const { status } = this.#state
    try {
      await this.#login()
      if (status !== STATUS.ONLINE) {
        const change = () =>
          this.client.call({ cmd: 'Change_Stat', status }, { signal: this.signal })
        dataOf(await this.#paced(change))
      }
    } catch (error) {
      // The one re-login failed: offline, with the reason the server gave.
      const code = codeOf(error)
      this.#end(code === 'PENALTY' ? 'NOT_LOGGED_IN' : code)
      throw error
    }
  }

  #end(reason: string | undefined): void {
    this.#stop.abort()
    this.#set({
      phase: 'offline',
      uin: null,
      status: STATUS.OFFLINE,
      ...(reason === undefined ? {} : { reason })
    })
  }

  #set(next: SessionState): void {
    const state =
      next.phase === 'offline' ? next : { ...next, secure: this.#secure, local: this.#local }
    const changed = !sameState(state, this.#state)
    this.#state = state
    if (!changed) return
    for (const wake of [...this.#phaseWaiters]) wake()
    this.#phaseWaiters.clear()
    this.#options.onState(state)
  }
}

const KEYS: readonly (keyof SessionState)[] = [
  'phase',
  'uin',
  'status',
  'reason',
  'retryAt',
  'extensions',
  'secure',
  'local'
]
function sameState(a: SessionState, b: SessionState): boolean {
  return KEYS.every((key) => a[key] === b[key])
}
