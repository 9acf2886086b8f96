import { RES } from '../../shared/protocol/index.ts'
import { LONG_PENALTY_SECONDS } from '../state/penalties.ts'
import { done, refused, type SessionCall } from './call.ts'

/** Section 6.7; D-18: a number not on the list (a repeated delete) is a 30 s penalty. */
export async function delFromList({ ctx, session, request }: SessionCall<'DelFromList'>) {
  if (!(await ctx.accounts.exists(request.target))) return refused('DelFromList', RES.INVALID_UIN)
  if (!(await ctx.friends.remove(session.uin, request.target))) {
    await ctx.penalties.hold(LONG_PENALTY_SECONDS)
    return refused('DelFromList', RES.PENALTY)
  }
  return done('DelFromList', null)
}
