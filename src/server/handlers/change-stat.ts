import { RES } from '../../shared/protocol/index.ts'
import { visibleStatus } from '../state/types.ts'
import { done, refused, type SessionCall } from './call.ts'

/**
 * Section 6.8: friends who list you see the change as `MT=99` (invisible as 20), when what
 * they see changes. D-19: more than one change per 3 s is a penalty.
 */
export async function changeStat({ ctx, session, request }: SessionCall<'Change_Stat'>) {
  if (!(await ctx.rateLimits.take(session.id, 'status', ctx.now()))) {
    await ctx.penalties.hold()
    return refused('Change_Stat', RES.PENALTY)
  }
  const before = await ctx.sessions.setStatus(session, request.status)
  // Ended meanwhile (a login elsewhere): that end announced it offline already.
  if (before === undefined) return refused('Change_Stat', RES.NOT_LOGGED_IN)
  const after = visibleStatus(request.status)
  if (after !== visibleStatus(before)) await ctx.post.announceStatus(session.uin, after)
  return done('Change_Stat', null)
}
