import { ADD_POLICY, RES } from '../../shared/protocol/index.ts'
import { done, refused, type SessionCall } from './call.ts'

/**
 * Section 6.5, D-15: the other side's policy decides. Lists are one-way, and a number
 * already on the list stays there (`CD=0`). Nobody can add themselves.
 */
export async function addToList({ ctx, session, request }: SessionCall<'AddToList'>) {
  const { target } = request
  const account = await ctx.accounts.get(target)
  if (!account) return refused('AddToList', RES.INVALID_UIN)
  const reply = (code: number) => done('AddToList', { code, uin: target })
  if (target === session.uin) return reply(ADD_POLICY.REFUSE)
  if (account.policy === ADD_POLICY.ALLOW || (await ctx.friends.has(session.uin, target))) {
    await ctx.friends.add(session.uin, target)
    return reply(ADD_POLICY.ALLOW)
  }
  return reply(account.policy)
}
