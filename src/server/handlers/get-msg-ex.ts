import { RES, type ReplyData } from '../../shared/protocol/index.ts'
import { done, refused, type SessionCall } from './call.ts'

type Messages = ReplyData['GetMsgEx']

/** Without `AK`, what is returned is removed (at most once); with it, a batch (D-24). */
async function readQueue(
  { ctx, session }: SessionCall<'GetMsgEx'>,
  ack: string | undefined
): Promise<Messages> {
  if (ack === undefined) return { messages: await ctx.mailbox.take(session.uin) }
  const batch = await ctx.mailbox.batch(session.uin, ack)
  return { messages: batch.messages, batchId: String(batch.id) }
}

/**
 * Holds the reply until something arrives, the wait is over or the client goes away. The
 * wait is registered before the queue is read, so a message committed in between (on any
 * node) still wakes it.
 */
async function holdPoll(call: SessionCall<'GetMsgEx'>, ack: string | undefined, seconds: number) {
  const { ctx, session } = call
  const wait = ctx.waiters.wait(session.uin, seconds * 1000, call.signal)
  let first: Messages
  try {
    await wait.ready
    first = await readQueue(call, ack)
  } catch (error) {
    wait.cancel()
    throw error
  }
  if (first.messages.length > 0) {
    wait.cancel()
    return done('GetMsgEx', first)
  }
  await ctx.sessions.hold(session)
  const end = await wait.ended
  await ctx.sessions.release(session)
  if ((await ctx.sessions.current(session.uin))?.id !== session.id) {
    return refused('GetMsgEx', RES.NOT_LOGGED_IN)
  }
  // A client that went away gets nothing taken from its queue.
  return done('GetMsgEx', end === 'aborted' ? first : await readQueue(call, ack))
}

/**
 * Section 6.9 with D-24: `WT` holds the reply until something arrives; `AK` switches to
 * batches kept until acknowledged (the reply adds `BI` and `TM`). `--classic` ignores both
 * keys.
 */
export async function getMsgEx(call: SessionCall<'GetMsgEx'>) {
  const { ctx, request } = call
  const extended = !ctx.config.classic
  const ack = extended ? request.ack : undefined
  const wait = extended ? (request.wait ?? 0) : 0
  if (wait <= 0) return done('GetMsgEx', await readQueue(call, ack))
  return holdPoll(call, ack, wait)
}
