import { done, type OpenCall } from './call.ts'

/**
 * Section 6.11: always RES=0; only this client's own session ends (with its key, D-26: a
 * neighbour who shares the address cannot log a keyed session out).
 */
export async function logout({ ctx, uin, address, sessionKey }: OpenCall<'Logout'>) {
  const session = await ctx.sessions.find(address, uin, sessionKey)
  if (session) await ctx.sessions.end(session)
  return done('Logout', null)
}
