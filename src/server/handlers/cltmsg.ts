import { MESSAGE_TYPE, RES } from '../../shared/protocol/index.ts'
import { done, refused, type SessionCall } from './call.ts'

/**
 * Section 6.10: the text is queued for `UN` and committed before `RES=0` is sent, so a
 * confirmed message survives a crash. D-22: more than 5 per 5 s is a penalty.
 */
export async function cltmsg({ ctx, session, request }: SessionCall<'CLTMSG'>) {
  const { target, text } = request
  if (!(await ctx.accounts.exists(target))) return refused('CLTMSG', RES.INVALID_UIN)
  if (!(await ctx.rateLimits.take(session.id, 'message', ctx.now()))) {
    await ctx.penalties.hold()
    return refused('CLTMSG', RES.PENALTY)
  }
  await ctx.post.send([{ recipient: target, type: MESSAGE_TYPE.TEXT, from: session.uin, text }])
  return done('CLTMSG', null)
}
