import { STATUS, type OnlineFriend } from '../../shared/protocol/index.ts'
import type { ServerContext } from '../context.ts'
import { visibleStatus } from '../state/sessions.ts'
import { done, type SessionCall } from './call.ts'
import { pageOf } from './page.ts'

/** The friends of `owner` others can see online (10 or 30), ordered by number. */
function onlineFriends(ctx: ServerContext, owner: number): OnlineFriend[] {
  const online: OnlineFriend[] = []
  for (const uin of ctx.friends.all(owner)) {
    const session = ctx.sessions.current(uin)
    const status = session ? visibleStatus(session.status) : STATUS.OFFLINE
    if (status !== STATUS.ONLINE && status !== STATUS.BUSY) continue
    const account = ctx.accounts.get(uin)
    if (account) online.push({ uin, status, face: account.face, nick: account.nick })
  }
  return online
}

/**
 * Section 6.3. Without a non-zero `TN` the seed's server answered twice on one connection:
 * the count, then an empty page. Kept, since clients of the time read it that way.
 */
export function queryStat({ ctx, session, request }: SessionCall<'Query_Stat'>) {
  const online = onlineFriends(ctx, session.uin)
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
