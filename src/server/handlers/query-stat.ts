import { STATUS, type OnlineFriend } from '../../shared/protocol/index.ts'
import type { ServerContext } from '../context.ts'
import { visibleStatus } from '../state/types.ts'
import { done, type SessionCall } from './call.ts'
import { pageOf } from './page.ts'

/** The friends of `owner` others can see online (10 or 30), ordered by number. */
async function onlineFriends(ctx: ServerContext, owner: number): Promise<OnlineFriend[]> {
  const friends = await ctx.friends.all(owner)
  const statuses = await ctx.sessions.statuses(friends)
  const seen = friends.flatMap((uin) => {
    const status = visibleStatus(statuses.get(uin) ?? STATUS.OFFLINE)
    return status === STATUS.ONLINE || status === STATUS.BUSY ? [{ uin, status }] : []
  })
  const accounts = await Promise.all(seen.map(({ uin }) => ctx.accounts.get(uin)))
  return seen.flatMap(({ uin, status }, i) => {
    const account = accounts[i]
    return account ? [{ uin, status, face: account.face, nick: account.nick }] : []
  })
}

/**
 * Section 6.3. Without a non-zero `TN` the seed's server answered twice on one connection:
 * the count, then an empty page. Kept, since clients of the time read it that way.
 */
export async function queryStat({ ctx, session, request }: SessionCall<'Query_Stat'>) {
  const online = await onlineFriends(ctx, session.uin)
  const { count, after = 0 } = request
  if (!count) {
    return [
      done('Query_Stat', { kind: 'count', count: online.length }),
      done('Query_Stat', { kind: 'page', done: true, items: [] })
    ]
  }
  return done(
    'Query_Stat',
    pageOf(online, (friend) => friend.uin, count, after)
  )
}
