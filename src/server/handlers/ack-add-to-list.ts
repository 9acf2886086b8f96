import { ACK_KIND, ADD_POLICY, MESSAGE_TYPE, RES } from '../../shared/protocol/index.ts'
import { done, refused, type SessionCall } from './call.ts'

/**
 * Section 6.6 and D-16. `CD=2` asks `UN` (who gets `MT=2`); `CD=0`/`CD=1` answer an open
 * request of `UN` (who gets `MT=3`, and you on its list, or `MT=4`). An answer to a request
 * never made changes nothing; `CD>=3` is a penalty.
 */
export async function ackAddToList({ ctx, session, request }: SessionCall<'Ack_AddToList'>) {
  const { target, kind, reason } = request
  if (kind > ACK_KIND.REQUEST) {
    await ctx.penalties.hold()
    return refused('Ack_AddToList', RES.PENALTY)
  }
  const account = await ctx.accounts.get(target)
  if (!account) return refused('Ack_AddToList', RES.INVALID_UIN)
  const me = session.uin
  const notify = (type: number, text: string) =>
    ctx.post.send([{ recipient: target, type, from: me, text }])
  if (kind === ACK_KIND.REQUEST) {
    // Someone who refuses everyone is not asked; a repeated request is not sent twice.
    if (
      target !== me &&
      account.policy !== ADD_POLICY.REFUSE &&
      (await ctx.addRequests.open(me, target))
    ) {
      await notify(MESSAGE_TYPE.ADD_REQUEST, reason)
    }
  } else if (await ctx.addRequests.close(target, me)) {
    if (kind === ACK_KIND.ACCEPT) {
      await ctx.friends.add(target, me)
      await notify(MESSAGE_TYPE.ADD_ACCEPTED, '')
    } else {
      await notify(MESSAGE_TYPE.ADD_REFUSED, reason)
    }
  }
  return done('Ack_AddToList', null)
}
