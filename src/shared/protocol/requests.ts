import {
  addPair,
  Body,
  bodyText,
  decodeBody,
  encodeBody,
  type DecodeOptions,
  type WireValue
} from './body.ts'
import {
  ACCEPTED_VERSIONS,
  CLIENT_VERSION,
  commandFromWire,
  LOGIN_CONSTANT,
  MAX_MESSAGE_BYTES,
  MAX_WAIT_SECONDS,
  type Command
} from './commands.ts'
import { isStatus, type Status } from './dictionaries.ts'
import { ProtocolError } from './errors.ts'

/** Every request, typed; `target` is the `UN` a command acts on. */
export type Request =
  | { cmd: 'Login'; passwordMd5: string; wantsKey?: boolean }
  | { cmd: 'List'; count?: number; after?: number }
  | { cmd: 'Query_Stat'; count?: number; after?: number }
  | { cmd: 'GetInfo'; level: number; target: number }
  | { cmd: 'AddToList'; target: number }
  | { cmd: 'Ack_AddToList'; target: number; kind: number; reason: string }
  | { cmd: 'DelFromList'; target: number }
  | { cmd: 'Change_Stat'; status: Status }
  | { cmd: 'GetMsgEx'; wait?: number; ack?: string }
  | { cmd: 'CLTMSG'; target: number; text: string }
  | { cmd: 'Logout' }

export type RequestOf<C extends Command> = Extract<Request, { cmd: C }>

/** The three fields a reply echoes byte for byte, as they arrived. */
export interface EchoedHead {
  readonly ver: string
  readonly seq: string
  readonly uin: string
}

export interface DecodedRequest {
  readonly head: EchoedHead
  readonly uin: number
  readonly request: Request
  /** D-26: the `SK` a request of a keyed session carries (not Login's `SK=1`, see wantsKey). */
  readonly sessionKey?: string
}

const SEQ = /^\d{1,10}$/
const utf8Length = (text: string): number => new TextEncoder().encode(text).length

function requestFields(request: Request): [string, WireValue][] {
  switch (request.cmd) {
    case 'Login': {
      const fields: [string, WireValue][] = [
        ['PS', request.passwordMd5],
        ['M5', 1],
        ['LC', LOGIN_CONSTANT]
      ]
      if (request.wantsKey) fields.push(['SK', 1])
      return fields
    }
    case 'List':
    case 'Query_Stat':
      return [
        ['TN', request.count ?? 0],
        ['UN', request.after ?? 0]
      ]
    case 'GetInfo':
      return [
        ['LV', request.level],
        ['UN', request.target]
      ]
    case 'AddToList':
    case 'DelFromList':
      return [['UN', request.target]]
    case 'Ack_AddToList':
      return [
        ['UN', request.target],
        ['CD', request.kind],
        ['RS', request.reason]
      ]
    case 'Change_Stat':
      return [['ST', request.status]]
    case 'GetMsgEx': {
      const fields: [string, WireValue][] = []
      if (request.wait !== undefined) fields.push(['WT', request.wait])
      if (request.ack !== undefined) fields.push(['AK', request.ack])
      return fields
    }
    case 'CLTMSG':
      // MG goes last: a server of the time may read everything after `&MG=` as the text.
      return [
        ['UN', request.target],
        ['MG', request.text]
      ]
    case 'Logout':
      return []
  }
}

/**
 * A request body as a good client writes it (section 9): VER, CMD, SEQ, UIN first, then the
 * session key of D-26 when there is one (before `MG`, which must come last: D-4). Login never
 * carries a key: it proves the password instead, and its own `SK=1` asks for a new one.
 */
export function encodeRequest(
  head: { seq: number; uin: number; ver?: string; sessionKey?: string },
  request: Request
): string {
  const { sessionKey } = head
  const key: [string, WireValue][] =
    sessionKey !== undefined && request.cmd !== 'Login' ? [['SK', sessionKey]] : []
  return encodeBody([
    ['VER', head.ver ?? CLIENT_VERSION],
    ['CMD', request.cmd],
    ['SEQ', head.seq],
    ['UIN', head.uin],
    ...key,
    ...requestFields(request)
  ])
}

/**
 * D-4: legacy senders put `&`, `,` and `=` into a `CLTMSG` text unescaped, with `MG` last.
 * When everything before the first `&MG=` is a complete `CLTMSG` request, the rest is the
 * text; otherwise the body is read as usual.
 */
function decodeRequestBody(input: Uint8Array | string, options: DecodeOptions): Body {
  const text = bodyText(input)
  const tail = text.indexOf('&MG=')
  if (tail > 0) {
    const head = decodeBody(text.slice(0, tail), options)
    const cmd = head.text('CMD')
    if (cmd !== undefined && commandFromWire(cmd) === 'CLTMSG' && head.has('UN')) {
      const raw = new Map(head.keys().map((key) => [key, head.raw(key) ?? '']))
      addPair(raw, text.slice(tail + 1))
      return new Body(raw, options.plusIsSpace)
    }
  }
  return decodeBody(text, options)
}

function decodeFields(cmd: Command, body: Body): Request {
  switch (cmd) {
    case 'Login': {
      const passwordMd5 = body.requireText('PS').trim()
      if (passwordMd5 === '') throw new ProtocolError('INVALID_VALUE', 'PS is empty')
      if (body.text('LC') !== LOGIN_CONSTANT)
        throw new ProtocolError('INVALID_VALUE', 'LC is wrong')
      return body.text('SK') === '1' ? { cmd, passwordMd5, wantsKey: true } : { cmd, passwordMd5 }
    }
    case 'List':
    case 'Query_Stat':
      return { cmd, count: body.number('TN'), after: body.number('UN') }
    case 'GetInfo':
      return { cmd, level: body.requireNumber('LV'), target: body.requireNumber('UN') }
    case 'AddToList':
    case 'DelFromList':
      return { cmd, target: body.requireNumber('UN') }
    case 'Ack_AddToList':
      return {
        cmd,
        target: body.requireNumber('UN'),
        kind: body.requireNumber('CD'),
        reason: body.text('RS') ?? ''
      }
    case 'Change_Stat': {
      const status = body.requireNumber('ST')
      if (!isStatus(status)) throw new ProtocolError('INVALID_VALUE', `ST=${status} is no status`)
      return { cmd, status }
    }
    case 'GetMsgEx': {
      const wait = body.number('WT')
      return {
        cmd,
        wait: wait === undefined ? undefined : Math.min(wait, MAX_WAIT_SECONDS),
        ack: body.text('AK')?.trim()
      }
    }
    case 'CLTMSG': {
      const target = body.requireNumber('UN')
      const text = body.requireText('MG')
      if (text === '') throw new ProtocolError('INVALID_VALUE', 'MG is empty')
      if (utf8Length(text) > MAX_MESSAGE_BYTES) {
        throw new ProtocolError('INVALID_VALUE', `MG is over ${MAX_MESSAGE_BYTES} bytes`)
      }
      return { cmd, target, text }
    }
    case 'Logout':
      return { cmd }
  }
}

/**
 * Reads a request as the server must (sections 2–3, 6): any key order (D-2), versions
 * 1.0–1.2 (D-6), `SEQ` of 1–10 digits (D-7). Anything malformed throws a ProtocolError,
 * which the server answers with NULL.
 */
export function decodeRequest(
  input: Uint8Array | string,
  options: DecodeOptions = {}
): DecodedRequest {
  const body = decodeRequestBody(input, options)
  const ver = body.raw('VER')
  if (ver === undefined || !ACCEPTED_VERSIONS.includes(ver)) {
    throw new ProtocolError('UNSUPPORTED_VERSION', `VER=${ver ?? ''} is not 1.0, 1.1 or 1.2`)
  }
  const cmd = commandFromWire(body.requireText('CMD'))
  if (cmd === undefined) throw new ProtocolError('UNKNOWN_COMMAND', 'CMD is not a command')
  const seq = body.raw('SEQ') ?? ''
  if (!SEQ.test(seq)) throw new ProtocolError('INVALID_NUMBER', 'SEQ is not 1-10 digits')
  const uin = body.requireNumber('UIN')
  const request = decodeFields(cmd, body)
  return {
    head: { ver, seq, uin: body.raw('UIN') ?? '' },
    uin,
    request,
    sessionKey: cmd === 'Login' ? undefined : body.text('SK')
  }
}
