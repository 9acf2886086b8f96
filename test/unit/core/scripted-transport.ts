import { CodedError } from '../../../src/shared/errors.ts'
import {
  decodeRequest,
  encodeReply,
  type Reply,
  type Request
} from '../../../src/shared/protocol/index.ts'
import type { Transport, TransportRequest } from '../../../src/core/transport.ts'

/** What a scripted server does with one request: a reply, a transport failure, or a delay. */
export type Answer = Reply | CodedError | { readonly after: number; readonly answer: Answer }

export interface SentRequest {
  readonly uin: number
  readonly request: Request
  /** D-26: the `SK` the request carried. */
  readonly sessionKey: string | undefined
  readonly at: number
}

/**
 * A transport that answers through a function of the decoded request, with replies written
 * by the shared codec: the protocol's bytes, without a socket. Used where a unit test needs
 * a particular answer (a penalty, a failure, a held reply) at a particular fake time.
 */
export class ScriptedTransport implements Transport {
  readonly sent: SentRequest[] = []
  answer: (request: Request, uin: number) => Answer

  constructor(answer: (request: Request, uin: number) => Answer) {
    this.answer = answer
  }

  async post({ body, signal, timeoutMs }: TransportRequest): Promise<Uint8Array> {
    const { head, uin, request, sessionKey } = decodeRequest(body)
    this.sent.push({ uin, request, sessionKey, at: Date.now() })
    let answer = this.answer(request, uin)
    let waited = 0
    while ('after' in answer) {
      const { after, answer: next } = answer
      const timedOut = waited + after > timeoutMs
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, timedOut ? timeoutMs - waited : after)
        signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          reject(new CodedError('OFFLINE', 'cancelled'))
        })
      })
      if (timedOut) throw new CodedError('TIMEOUT', 'no reply in time')
      waited += after
      answer = next
    }
    if (answer instanceof CodedError) throw answer
    return new TextEncoder().encode(encodeReply(head, answer))
  }

  async close(): Promise<void> {}

  /** The requests of one command, in order. */
  of<C extends Request['cmd']>(cmd: C): Extract<Request, { cmd: C }>[] {
    return this.sent
      .map((sent) => sent.request)
      .filter((request): request is Extract<Request, { cmd: C }> => request.cmd === cmd)
  }
}

export const okReply = <C extends Request['cmd']>(
  cmd: C,
  data: Extract<Reply<C>, { ok: true }>['data']
): Reply<C> => ({ cmd, ok: true, res: 0, data }) as Reply<C>

export const refusal = (cmd: Request['cmd'], res: number): Reply => ({ cmd, ok: false, res })

export const LOGIN_OK = okReply('Login', { accepted: true, heartbeat: 60, idle: 300 })

/** Replies a logged-in session gets to everything but GetMsgEx: empty lists, plain profiles. */
export function ordinaryReply(request: Request): Reply {
  switch (request.cmd) {
    case 'Login':
      return LOGIN_OK
    case 'List':
      return okReply('List', { kind: 'page', done: true, items: [] })
    case 'Query_Stat':
      return okReply('Query_Stat', { kind: 'page', done: true, items: [] })
    case 'GetInfo':
      return okReply('GetInfo', {
        level: request.level,
        uin: request.target,
        fields: { NK: `nick${request.target}`, FC: '3' }
      })
    case 'AddToList':
      return okReply('AddToList', { code: 0, uin: request.target })
    case 'GetMsgEx':
      return okReply('GetMsgEx', { messages: [] })
    default:
      return okReply(request.cmd, null)
  }
}
