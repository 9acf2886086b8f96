import { RES } from '../../shared/protocol/index.ts'
import { visibleStatus } from '../state/sessions.ts'
import { done, refused, type SessionCall } from './call.ts'

/**
 * Section 6.8: friends who list you see the change as `MT=99` (invisible as 20), when what
 * they see changes. D-19: more than one change per 3 s is a penalty.
 */
export async function changeStat({ ctx, session, request }: SessionCall<'Change_Stat'>) {
  if (!session.statusChanges.take(ctx.now())) {
    await ctx.penalties.hold()
    return refused('Change_Stat', RES.PENALTY)
  }
  const before = visibleStatus(session.status)
  session.status = request.status
  const after = visibleStatus(session.status)
  if (after !== before) ctx.post.announceStatus(session.uin, after)
  return done('Change_Stat', null)
}
