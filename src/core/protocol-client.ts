import { CodedError, type ErrorCode } from '../shared/errors.ts'
import {
  decodeReply,
  encodeRequest,
  isProtocolError,
  RES,
  type Reply,
  type ReplyData,
  type Request
} from '../shared/protocol/index.ts'
import type { Transport } from './transport.ts'

export interface CallOptions {
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
}

export interface ProtocolClientOptions {
  readonly transport: Transport
  readonly server: string
  readonly uin: number
  readonly requestTimeoutMs: number
  /** Told when a request leaves, so the heartbeat knows the session is not silent. */
  readonly onSent?: () => void
  /** Told when a reply arrived (whatever it says): the server is reachable. */
  readonly onReply?: () => void
}

const MAX_SEQ = 99_999_999

/**
 * Speaks the protocol to one server as one QQ number: a fresh `SEQ` per request, bodies
 * written by the shared codec, replies checked to answer the request that was sent.
 * Returns every reply, `RES` and all; transport failures throw with their code and the
 * command's name, because "the server rejected the request" needs to say which one.
 */
export class ProtocolClient {
  readonly server: string
  readonly uin: number
  readonly #options: ProtocolClientOptions
  // The seed's clients used a random tag of 1000–9000; counting up from one keeps them unique.
  #seq = 1000 + Math.floor(Math.random() * 8000)
  /** D-26: the key of this session, when the server gave one at Login. */
  #sessionKey: string | undefined

  constructor(options: ProtocolClientOptions) {
    this.#options = options
    this.server = options.server
    this.uin = options.uin
  }

  async call<R extends Request>(request: R, options: CallOptions = {}): Promise<Reply<R['cmd']>> {
    const seq = this.#nextSeq()
    const body = encodeRequest({ seq, uin: this.uin, sessionKey: this.#sessionKey }, request)
    let bytes: Uint8Array
    try {
      this.#options.onSent?.()
      bytes = await this.#options.transport.post({
        server: this.server,
        body,
        timeoutMs: options.timeoutMs ?? this.#options.requestTimeoutMs,
        signal: options.signal
      })
    } catch (error) {
      if (error instanceof CodedError) throw describe(error, request.cmd)
      throw error
    }
    this.#options.onReply?.()
    const cmd: R['cmd'] = request.cmd
    const reply = this.#read(cmd, bytes, seq)
    if (reply.cmd === 'Login' && reply.ok) this.#keep(reply as Reply<'Login'>)
    return reply
  }

  /** A successful login replaces the session, and with it the key (none from a server of 2005). */
  #keep(reply: Reply<'Login'>): void {
    if (reply.ok && reply.data.accepted) this.#sessionKey = reply.data.sessionKey
  }

  #read<C extends Request['cmd']>(cmd: C, bytes: Uint8Array, seq: number): Reply<C> {
    try {
      const { head, reply } = decodeReply(cmd, bytes)
      if (head.seq !== String(seq) || head.uin !== String(this.uin)) {
        throw new CodedError('BAD_REPLY', `${cmd}: the reply answers another request`)
      }
      return reply
    } catch (error) {
      if (!isProtocolError(error)) throw error
      throw new CodedError('BAD_REPLY', `${cmd}: unreadable reply (${error.message})`)
    }
  }

  #nextSeq(): number {
    this.#seq = this.#seq >= MAX_SEQ ? 1 : this.#seq + 1
    return this.#seq
  }
}

function describe(error: CodedError, cmd: string): CodedError {
  const message =
    error.code === 'NO_REPLY'
      ? `the server rejected the ${cmd} request`
      : `${cmd}: ${error.message}`
  return new CodedError(error.code, message, { cause: error, fingerprint: error.fingerprint })
}

const RES_CODES: Readonly<Record<number, ErrorCode>> = {
  [RES.PENALTY]: 'PENALTY',
  [RES.INVALID_UIN]: 'INVALID_UIN',
  [RES.NOT_LOGGED_IN]: 'NOT_LOGGED_IN'
}

/** The error a refused reply stands for (section 4). */
export function resError(cmd: string, res: number): CodedError {
  const code = RES_CODES[res] ?? 'BAD_REPLY'
  return new CodedError(code, `${cmd}: RES=${res}`)
}

/** The data of a reply that succeeded; a refusal throws its code. */
export function dataOf<C extends Request['cmd']>(reply: Reply<C>): ReplyData[C] {
  if (!reply.ok) throw resError(reply.cmd, reply.res)
  return reply.data
}
