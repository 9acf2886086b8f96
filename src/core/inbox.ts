import { createHash } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import type { ChatMessage, Status, SystemMessage, SystemMessageKind } from '../shared/model.ts'
import { MESSAGE_TYPE, STATUS, type IncomingMessage } from '../shared/protocol/index.ts'
import { isAutoReply } from './auto-reply.ts'
import type { Emit } from './events.ts'
import type { Probe } from './probe.ts'
import { visibleStatus, type Roster } from './roster.ts'
import { transaction } from '../sqlite/transaction.ts'
import type { ContactStore } from './store/contacts.ts'
import type { MessageStore } from './store/messages.ts'
import type { SystemMessageStore } from './store/system-messages.ts'

export interface Batch {
  readonly messages: readonly IncomingMessage[]
  /** Present from a server with acknowledged batches (section 8). */
  readonly batchId?: string
}

export interface InboxOptions {
  readonly db: DatabaseSync
  readonly messages: MessageStore
  readonly systemMessages: SystemMessageStore
  readonly contacts: ContactStore
  readonly roster: Roster
  readonly emit: Emit
  readonly now: () => number
  readonly probe?: Probe
  /** A new text arrived (not one seen before): for the auto-reply. */
  readonly onText?: (message: ChatMessage) => void
  /** Someone accepted my request and is on my list now: for their presence, nick and face. */
  readonly onNewFriend?: (uin: number) => void
}

const SYSTEM_KINDS: Readonly<Record<number, SystemMessageKind>> = {
  [MESSAGE_TYPE.ADD_REQUEST]: 'request',
  [MESSAGE_TYPE.ADD_ACCEPTED]: 'accepted',
  [MESSAGE_TYPE.ADD_REFUSED]: 'refused'
}

type Arrival =
  | { readonly kind: 'message'; readonly message: ChatMessage }
  | { readonly kind: 'system'; readonly message: SystemMessage }
  | {
      readonly kind: 'presence'
      readonly uin: number
      readonly status: number
      /** The system message recording that a friend came online. */
      readonly notice?: SystemMessage
    }

/**
 * Says whether an `MT=99` brings a friend from offline to online. Within a batch the
 * status before is what the batch's earlier `MT=99`s left, since the roster only learns
 * them once the batch is stored. Busy ⇄ online is no arrival, and presence from a
 * `Query_Stat` (the list at login, the periodic refresh) never comes through here.
 */
function arrivalWatch(roster: Roster): (uin: number, status: number) => boolean {
  const seen = new Map<number, Status>()
  return (uin, status) => {
    const before = seen.get(uin) ?? roster.statusOf(uin)
    const after = visibleStatus(status)
    seen.set(uin, after)
    return before === STATUS.OFFLINE && after === STATUS.ONLINE && roster.isFriend(uin)
  }
}

/**
 * Where the place of a message in a batch is fingerprinted: a batch sent again because it
 * was not acknowledged is byte for byte the same, so its messages hit the same keys. The
 * text is part of the key because batch ids are the server's, and one that forgot them
 * (restarted without its data) may hand out the same id again for other messages.
 */
function sourceOf(
  batchId: string | undefined,
  index: number,
  message: IncomingMessage
): string | undefined {
  if (batchId === undefined) return undefined
  const { type, from, time, text } = message
  const digest = createHash('sha256')
    .update(JSON.stringify([type, from, time ?? 0, text]))
    .digest('base64url')
  return `${batchId}/${index}/${digest.slice(0, 22)}`
}

/**
 * Takes in one GetMsgEx batch: stores it in one transaction, and only then shows it. The
 * poller acknowledges it after this returns, so a crash at any point either leaves the batch
 * with the server (and the fingerprints drop what was already stored) or stored here.
 */
export function acceptBatch(options: InboxOptions, { messages, batchId }: Batch): void {
  const { db, probe } = options
  const cameOnline = arrivalWatch(options.roster)
  const arrivals = transaction(db, () => {
    const stored: Arrival[] = []
    messages.forEach((message, index) => {
      const arrival = store(options, cameOnline, message, sourceOf(batchId, index, message))
      if (arrival !== undefined) stored.push(arrival)
      if (index === 0) probe?.('receive:storing')
    })
    return stored
  })
  probe?.('receive:stored')
  for (const arrival of arrivals) show(options, arrival)
  // One unread count per friend who wrote, whatever the batch held from them.
  const writers = new Set(arrivals.flatMap((a) => (a.kind === 'message' ? [a.message.peer] : [])))
  for (const uin of writers) options.roster.unreadChanged(uin)
  // Someone who accepted my request joins the list: that is a new list.
  if (arrivals.some((a) => a.kind === 'system' && a.message.kind === 'accepted'))
    options.roster.publish()
  probe?.('receive:shown')
}

function store(
  options: InboxOptions,
  cameOnline: (uin: number, status: number) => boolean,
  incoming: IncomingMessage,
  source: string | undefined
): Arrival | undefined {
  const { type, from, text } = incoming
  const time =
    incoming.time === undefined || incoming.time === 0 ? options.now() : incoming.time * 1000
  if (type === MESSAGE_TYPE.TEXT) {
    const auto = isAutoReply(text)
    const message = options.messages.addReceived({ peer: from, text, time, auto, source })
    if (message === undefined) return undefined
    options.contacts.addUnread(from)
    return { kind: 'message', message }
  }
  if (type === MESSAGE_TYPE.STATUS) {
    const status = Number(text)
    const notice = cameOnline(from, status)
      ? options.systemMessages.add({ kind: 'online', from, text: '', time, source })
      : undefined
    return { kind: 'presence', uin: from, status, ...(notice === undefined ? {} : { notice }) }
  }
  const kind = SYSTEM_KINDS[type]
  if (kind === undefined) return undefined
  const message = options.systemMessages.add({ kind, from, text, time, source })
  if (message === undefined) return undefined
  // D-16: whoever accepted my request is on my list now.
  if (kind === 'accepted') options.contacts.setFriend(from, true)
  return { kind: 'system', message }
}

function show(options: InboxOptions, arrival: Arrival): void {
  const { emit, roster } = options
  switch (arrival.kind) {
    case 'message':
      emit({ type: 'message', message: arrival.message })
      options.onText?.(arrival.message)
      return
    case 'presence':
      roster.setPresence(arrival.uin, arrival.status)
      if (arrival.notice !== undefined) emit({ type: 'system-message', message: arrival.notice })
      return
    case 'system':
      emit({ type: 'system-message', message: arrival.message })
      if (arrival.message.kind === 'accepted') options.onNewFriend?.(arrival.message.from)
  }
}
