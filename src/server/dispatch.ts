import {
  decodeRequest,
  encodeReply,
  isProtocolError,
  RES,
  type Command,
  type DecodedRequest,
  type Reply,
  type Request
} from '../shared/protocol/index.ts'
import type { ServerContext } from './context.ts'
import type { Outcome } from './handlers/call.ts'
import { OPEN_HANDLERS, SESSION_HANDLERS, type SessionCommand } from './handlers/index.ts'
import { loginRefusal } from './handlers/login.ts'
import { logRequest, type LoggedResult } from './log.ts'
import type { Logger } from '../logging/logger.ts'
import type { Session } from './state/types.ts'

export interface Incoming {
  /** The client address as the session table knows it. */
  readonly address: string
  /** Behind a load balancer: the client's source port, as its PROXY header gave it. */
  readonly proxiedPort: number | undefined
  /** `application/x-www-form-urlencoded` bodies read `+` as a space. */
  readonly plusIsSpace: boolean
  readonly signal: AbortSignal
}

/** A reply body per HTTP reply to write, or null for NULL: close without a byte. */
export type Answer = readonly string[] | null

type AnyHandler = (call: unknown) => Outcome<Command> | Promise<Outcome<Command>>

/**
 * A request as its handler sees it (OpenCall, SessionCall). A class rather than an object
 * literal so that `signal` can be a getter, asked of the connection only when a handler reads
 * it, without making every call a dictionary-mode object (see HttpIncoming).
 */
class HandlerCall {
  readonly ctx: ServerContext
  readonly uin: number
  readonly request: Request
  readonly sessionKey: string | undefined
  readonly session: Session | undefined
  readonly #incoming: Incoming

  constructor(
    ctx: ServerContext,
    decoded: DecodedRequest,
    incoming: Incoming,
    session: Session | undefined
  ) {
    this.ctx = ctx
    this.uin = decoded.uin
    this.request = decoded.request
    this.sessionKey = decoded.sessionKey
    this.session = session
    this.#incoming = incoming
  }

  get address(): string {
    return this.#incoming.address
  }

  get signal(): AbortSignal {
    return this.#incoming.signal
  }
}

const isOpen = (cmd: Command): cmd is 'Login' | 'Logout' => cmd === 'Login' || cmd === 'Logout'

/**
 * Turns a request body into reply bodies: the shared codec reads it (anything malformed is
 * NULL), the session table answers RES=20, a handler does the rest, the codec writes.
 */
export class Dispatcher {
  readonly #ctx: ServerContext
  readonly #log: Logger | undefined
  /** Requests being answered, and what to call once there are none. */
  #inFlight = 0
  #onIdle: (() => void) | undefined

  constructor(ctx: ServerContext, log?: Logger) {
    this.#ctx = ctx
    this.#log = log
  }

  /** Synchronous for a request that is NULL as written; otherwise the store is asked. */
  answer(body: Uint8Array, incoming: Incoming): Answer | Promise<Answer> {
    const started = this.#log ? performance.now() : 0
    let decoded: DecodedRequest
    try {
      decoded = decodeRequest(body, { plusIsSpace: incoming.plusIsSpace })
    } catch (error) {
      const why = isProtocolError(error) ? error.code : 'INVALID'
      if (this.#log) logRequest(this.#log, incoming, undefined, undefined, 'NULL', why, started)
      return null
    }
    // A store or live state that cannot be reached rejects: the request gets no reply
    // (NULL), so its client tries again, rather than a reply that confirms nothing.
    this.#inFlight++
    return this.#run(decoded, incoming)
      .then(
        (settled) => this.#encode(decoded, incoming, started, settled),
        (error: unknown) => this.#fail(decoded, incoming, started, error)
      )
      .finally(() => {
        if (--this.#inFlight === 0) this.#onIdle?.()
      })
  }

  /** Requests being answered now, held long polls and penalties included. */
  get inFlight(): number {
    return this.#inFlight
  }

  /** Resolves once no request is being answered (the server closes: held ones were woken). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve()
    return new Promise((resolve) => {
      this.#onIdle = () => {
        this.#onIdle = undefined
        resolve()
      }
    })
  }

  #encode(
    decoded: DecodedRequest,
    incoming: Incoming,
    started: number,
    outcome: Outcome<Command>
  ): Answer {
    try {
      const replies: readonly Reply[] = Array.isArray(outcome) ? outcome : [outcome]
      if (this.#log) {
        const [first] = replies
        const res = replies.length === 1 && first ? first.res : replies.map((reply) => reply.res)
        const why = first?.cmd === 'Login' ? loginRefusal(first as Reply<'Login'>) : undefined
        this.#logLine(decoded, incoming, started, res, why)
      }
      return replies.map((reply) => encodeReply(decoded.head, reply))
    } catch (error) {
      return this.#fail(decoded, incoming, started, error)
    }
  }

  #fail(decoded: DecodedRequest, incoming: Incoming, started: number, error: unknown): Answer {
    const why = error instanceof Error ? error.message : 'failed'
    this.#logLine(decoded, incoming, started, 'NULL', why)
    return null
  }

  #logLine(
    decoded: DecodedRequest,
    incoming: Incoming,
    started: number,
    res: LoggedResult,
    why: string | undefined
  ): void {
    if (!this.#log) return
    logRequest(this.#log, incoming, decoded.uin, decoded.request.cmd, res, why, started)
  }

  async #run(decoded: DecodedRequest, incoming: Incoming): Promise<Outcome<Command>> {
    const { uin, request } = decoded
    const cmd = request.cmd
    const session = isOpen(cmd)
      ? undefined
      : await this.#ctx.sessions.find(incoming.address, uin, decoded.sessionKey)
    if (!isOpen(cmd) && !session) return { cmd, ok: false, res: RES.NOT_LOGGED_IN }
    const call = new HandlerCall(this.#ctx, decoded, incoming, session)
    // Each table entry takes the request of its own command, which `cmd` picked.
    const handler = isOpen(cmd) ? OPEN_HANDLERS[cmd] : SESSION_HANDLERS[cmd as SessionCommand]
    return (handler as AnyHandler)(call)
  }
}
