import { MAX_PAGE } from '../../shared/protocol/index.ts'
import { done, type SessionCall } from './call.ts'

/** Section 6.2: the count without `TN`, else a page (D-14). */
export async function list({ ctx, session, request }: SessionCall<'List'>) {
  const { count, after = 0 } = request
  if (!count) return done('List', { kind: 'count', count: await ctx.friends.count(session.uin) })
  const size = Math.min(count, MAX_PAGE)
  // One more than the page holds tells whether the page reaches the end.
  const friends = await ctx.friends.page(session.uin, after, size + 1)
  return done('List', {
    kind: 'page',
    done: friends.length <= size,
    items: friends.slice(0, size)
  })
}
