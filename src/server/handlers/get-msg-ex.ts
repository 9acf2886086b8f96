import { RES, type ReplyData } from '../../shared/protocol/index.ts'
import { done, refused, type SessionCall } from './call.ts'

/**
 * Section 6.9 with D-24: `WT` holds the reply until something arrives; `AK` switches to
 * batches kept until acknowledged (the reply adds `BI` and `TM`). Without `AK`, what is
 * returned is removed (at most once). `--classic` ignores both keys.
 */
export async function getMsgEx(call: SessionCall<'GetMsgEx'>) {
  const { ctx, session, request } = call
  const extended = !ctx.config.classic
  const ack = extended ? request.ack : undefined
  const wait = extended ? (request.wait ?? 0) : 0
  const read = (): ReplyData['GetMsgEx'] => {
    if (ack === undefined) return { messages: ctx.mailbox.take(session.uin) }
    const batch = ctx.mailbox.batch(session.uin, ack)
    return { messages: batch.messages, batchId: String(batch.id) }
  }
  const first = read()
  if (first.messages.length > 0 || wait <= 0) return done('GetMsgEx', first)
  session.held += 1
  const end = await ctx.waiters.wait(session.uin, wait * 1000, call.signal)
  session.held -= 1
  session.lastSeen = ctx.now()
  if (ctx.sessions.current(session.uin) !== session) return refused('GetMsgEx', RES.NOT_LOGGED_IN)
  // A client that went away gets nothing taken from its queue.
  return done('GetMsgEx', end === 'aborted' ? first : read())
}
