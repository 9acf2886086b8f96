import { RES, type ReplyData } from '../../shared/protocol/index.ts'
import { done, refused, type SessionCall } from './call.ts'

type Messages = ReplyData['GetMsgEx']

/** Without `AK`, what is returned is removed (at most once); with it, a batch (D-24). */
function readQueue({ ctx, session }: SessionCall<'GetMsgEx'>, ack: string | undefined): Messages {
  if (ack === undefined) return { messages: ctx.mailbox.take(session.uin) }
  const batch = ctx.mailbox.batch(session.uin, ack)
  return { messages: batch.messages, batchId: String(batch.id) }
}

/** Holds the reply until something arrives, the wait is over or the client goes away. */
async function holdPoll(
  call: SessionCall<'GetMsgEx'>,
  ack: string | undefined,
  seconds: number,
  nothing: Messages
) {
  const { ctx, session } = call
  session.held += 1
  const end = await ctx.waiters.wait(session.uin, seconds * 1000, call.signal)
  session.held -= 1
  session.lastSeen = ctx.now()
  if (ctx.sessions.current(session.uin) !== session) return refused('GetMsgEx', RES.NOT_LOGGED_IN)
  // A client that went away gets nothing taken from its queue.
  return done('GetMsgEx', end === 'aborted' ? nothing : readQueue(call, ack))
}

/**
 * Section 6.9 with D-24: `WT` holds the reply until something arrives; `AK` switches to
 * batches kept until acknowledged (the reply adds `BI` and `TM`). `--classic` ignores both
 * keys. A reply that need not wait is returned at once, without a promise.
 */
export function getMsgEx(call: SessionCall<'GetMsgEx'>) {
  const { ctx, request } = call
  const extended = !ctx.config.classic
  const ack = extended ? request.ack : undefined
  const wait = extended ? (request.wait ?? 0) : 0
  const first = readQueue(call, ack)
  if (first.messages.length > 0 || wait <= 0) return done('GetMsgEx', first)
  return holdPoll(call, ack, wait, first)
}
