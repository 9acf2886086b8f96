import { decodeBody, encodeValue, type Body, type WireValue } from './body.ts'
import { commandFromWire, REPLY_CMD, type Command } from './commands.ts'
import { ProtocolError } from './errors.ts'
import { escapeValue } from './escape.ts'
import type { EchoedHead } from './requests.ts'

export interface OnlineFriend {
  readonly uin: number
  readonly status: number
  readonly face: number
  readonly nick: string
}

export interface IncomingMessage {
  /** `MT`: 9 a user's text, 99 a status change, 2/3/4 the friend-request flow. */
  readonly type: number
  readonly from: number
  readonly text: string
  /** Unix seconds when it reached the server; only from servers with acknowledged batches. */
  readonly time?: number
}

/** A `GetInfo` reply's fields by key (every key but the common ones), unescaped. */
export type ProfileFields = Readonly<Record<string, string>>

/** A page of `List`/`Query_Stat`, or the bare count a request without `TN` gets. */
export type Page<T> =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'page'; readonly done: boolean; readonly items: readonly T[] }

export interface ReplyData {
  Login:
    | {
        readonly accepted: true
        readonly heartbeat: number
        readonly idle: number
        /** D-26: present when the client asked for a key (`SK=1`) and the server keys sessions. */
        readonly sessionKey?: string
      }
    | { readonly accepted: false; readonly reason: string }
  List: Page<number>
  Query_Stat: Page<OnlineFriend>
  GetInfo: { readonly level: number; readonly uin: number; readonly fields: ProfileFields }
  AddToList: { readonly code: number; readonly uin: number }
  Ack_AddToList: null
  DelFromList: null
  Change_Stat: null
  /** `batchId` is present exactly when the server keeps batches until acknowledged (D-24). */
  GetMsgEx: { readonly messages: readonly IncomingMessage[]; readonly batchId?: string }
  CLTMSG: null
  Logout: null
}

export type Reply<C extends Command = Command> =
  | { readonly cmd: C; readonly ok: true; readonly res: 0; readonly data: ReplyData[C] }
  | { readonly cmd: C; readonly ok: false; readonly res: number }

// ---- writing (the server) -------------------------------------------------------------

/** Section 6.4: which keys each `GetInfo` level returns, in reply order (NK last). */
export const PROFILE_KEYS_BRIEF: readonly string[] = ['LV', 'UN', 'NK']
export const PROFILE_KEYS_NORMAL: readonly string[] =
  'AD AG EM FC HP JB LV PC PH PR PV RN SC SX UN NK'.split(' ')
export const PROFILE_KEYS_FULL: readonly string[] =
  'AD AG BT CO CT CV CY EM FC HP ID JB LV MO MT MV PC PH PR PV RN SC SH SX UN NK'.split(' ')

export function profileKeysFor(level: number): readonly string[] {
  if (level <= 1) return PROFILE_KEYS_BRIEF
  return level === 2 ? PROFILE_KEYS_NORMAL : PROFILE_KEYS_FULL
}

/** The replies that end in `&` when they succeed, as the seed printed them. */
const TRAILING_AMPERSAND: ReadonlySet<Command> = new Set(['DelFromList', 'Change_Stat', 'CLTMSG'])

function countOrPage<T>(
  page: Page<T>,
  fields: (done: number, size: number, items: readonly T[]) => [string, WireValue][]
) {
  return page.kind === 'count'
    ? ([['FN', page.count]] as [string, WireValue][])
    : fields(page.done ? 1 : 0, page.items.length, page.items)
}

function dataFields<C extends Command>(cmd: C, data: ReplyData[C]): [string, WireValue][] {
  const reply = { cmd, data } as { [K in Command]: { cmd: K; data: ReplyData[K] } }[Command]
  switch (reply.cmd) {
    case 'Login':
      return reply.data.accepted
        ? [
            ['RS', 0],
            ['HI', reply.data.heartbeat],
            ['LI', reply.data.idle],
            ...(reply.data.sessionKey === undefined
              ? []
              : [['SK', reply.data.sessionKey] as [string, WireValue]])
          ]
        : [
            ['RS', 1],
            ['RA', reply.data.reason]
          ]
    case 'List':
      return countOrPage(reply.data, (done, size, uins) => [
        ['FN', done],
        ['SN', size],
        ['UN', uins]
      ])
    case 'Query_Stat':
      // Alphabetical with NK last, as the seed printed it.
      return countOrPage(reply.data, (done, size, friends) => [
        ['FC', friends.map((f) => f.face)],
        ['FN', done],
        ['SN', size],
        ['ST', friends.map((f) => f.status)],
        ['UN', friends.map((f) => f.uin)],
        ['NK', friends.map((f) => f.nick)]
      ])
    case 'GetInfo': {
      const { level, uin, fields } = reply.data
      return profileKeysFor(level).map((key): [string, WireValue] => {
        if (key === 'LV') return [key, level]
        if (key === 'UN') return [key, uin]
        return [key, fields[key] ?? '']
      })
    }
    case 'AddToList':
      return [
        ['CD', reply.data.code],
        ['UN', reply.data.uin]
      ]
    case 'GetMsgEx': {
      const { messages, batchId } = reply.data
      const fields: [string, WireValue][] = [
        ['MN', messages.length],
        ['MT', messages.map((m) => m.type)],
        ['UN', messages.map((m) => m.from)],
        ['MG', messages.map((m) => m.text)]
      ]
      if (batchId !== undefined) {
        fields.push(['BI', batchId], ['TM', messages.map((m) => m.time ?? 0)])
      }
      return fields
    }
    default:
      return []
  }
}

/**
 * A reply body in the documented key order: VER, CMD, SEQ, UIN, RES, then the command's
 * fields (section 2). A failed reply carries nothing after RES. The head is written straight
 * into one string (the reply spellings of CMD need no escaping) rather than as pairs for
 * encodeBody: the server writes every reply here, and those arrays showed in its cost.
 */
export function encodeReply<C extends Command>(head: EchoedHead, reply: Reply<C>): string {
  let body =
    `VER=${escapeValue(head.ver)}&CMD=${REPLY_CMD[reply.cmd]}&SEQ=${escapeValue(head.seq)}` +
    `&UIN=${escapeValue(head.uin)}&RES=${reply.res}`
  if (!reply.ok) return body
  for (const [key, value] of dataFields(reply.cmd, reply.data)) {
    body += `&${key}=${encodeValue(value)}`
  }
  return TRAILING_AMPERSAND.has(reply.cmd) ? body + '&' : body
}

// ---- reading (the client) --------------------------------------------------------------

function readPage<T>(body: Body, readItems: (body: Body) => T[]): Page<T> {
  const fn = body.requireNumber('FN')
  if (!body.has('SN')) return { kind: 'count', count: fn }
  const items = readItems(body)
  if (items.length !== body.requireNumber('SN')) {
    throw new ProtocolError('INVALID_VALUE', 'SN does not match the list')
  }
  return { kind: 'page', done: fn === 1, items }
}

function readOnlineFriends(body: Body): OnlineFriend[] {
  const uins = body.numberList('UN')
  const faces = body.numberList('FC')
  const statuses = body.numberList('ST')
  const nicks = body.requireList('NK')
  if (
    faces.length !== uins.length ||
    statuses.length !== uins.length ||
    nicks.length !== uins.length
  ) {
    throw new ProtocolError('INVALID_VALUE', 'FC, ST, UN and NK differ in length')
  }
  return uins.map((uin, i) => ({
    uin,
    face: faces[i] ?? 0,
    status: statuses[i] ?? 0,
    nick: nicks[i] ?? ''
  }))
}

function readMessages(body: Body): IncomingMessage[] {
  const types = body.numberList('MT')
  const senders = body.numberList('UN')
  const texts = body.requireList('MG')
  const times = body.has('TM') ? body.numberList('TM') : undefined
  const count = body.requireNumber('MN')
  if (types.length !== count || senders.length !== count || texts.length !== count) {
    throw new ProtocolError('INVALID_VALUE', 'MN does not match MT, UN and MG')
  }
  return types.map((type, i) => {
    const message = { type, from: senders[i] ?? 0, text: texts[i] ?? '' }
    const time = times?.[i]
    return time === undefined ? message : { ...message, time }
  })
}

const COMMON_KEYS = new Set(['VER', 'CMD', 'SEQ', 'UIN', 'RES'])

function readData<C extends Command>(cmd: C, body: Body): ReplyData[C] {
  const read = (): ReplyData[Command] => {
    switch (cmd as Command) {
      case 'Login': {
        if (body.requireNumber('RS') !== 0)
          return { accepted: false, reason: body.text('RA') ?? '' }
        const heartbeat = body.requireNumber('HI')
        const idle = body.requireNumber('LI')
        const sessionKey = body.text('SK')
        return sessionKey === undefined
          ? { accepted: true, heartbeat, idle }
          : { accepted: true, heartbeat, idle, sessionKey }
      }
      case 'List':
        return readPage(body, (b) => b.numberList('UN'))
      case 'Query_Stat':
        return readPage(body, readOnlineFriends)
      case 'GetInfo': {
        const fields: Record<string, string> = {}
        for (const key of body.keys()) if (!COMMON_KEYS.has(key)) fields[key] = body.text(key) ?? ''
        return { level: body.requireNumber('LV'), uin: body.requireNumber('UN'), fields }
      }
      case 'AddToList':
        return { code: body.requireNumber('CD'), uin: body.requireNumber('UN') }
      case 'GetMsgEx': {
        const messages = readMessages(body)
        const batchId = body.text('BI')?.trim()
        return batchId === undefined ? { messages } : { messages, batchId }
      }
      default:
        return null
    }
  }
  return read() as ReplyData[C]
}

export interface DecodedReply<C extends Command> {
  /** The echoed VER, SEQ and UIN, for a client to match the reply to its request. */
  readonly head: EchoedHead
  readonly reply: Reply<C>
}

/**
 * Reads the reply to a `cmd` request. Throws a ProtocolError when it is not one: another
 * command, no `RES`, or fields that do not add up.
 */
export function decodeReply<C extends Command>(
  cmd: C,
  input: Uint8Array | string
): DecodedReply<C> {
  const body = decodeBody(input)
  const replyCmd = body.requireText('CMD')
  if (commandFromWire(replyCmd) !== cmd) {
    throw new ProtocolError('UNKNOWN_COMMAND', `expected a ${cmd} reply, got ${replyCmd}`)
  }
  const head = {
    ver: body.raw('VER') ?? '',
    seq: body.raw('SEQ') ?? '',
    uin: body.raw('UIN') ?? ''
  }
  const res = body.requireNumber('RES')
  const reply: Reply<C> =
    res === 0 ? { cmd, ok: true, res: 0, data: readData(cmd, body) } : { cmd, ok: false, res }
  return { head, reply }
}
