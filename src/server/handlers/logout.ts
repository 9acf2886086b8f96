import { done, type OpenCall } from './call.ts'

/** Section 6.11: always RES=0; only this client's own session ends. */
export function logout({ ctx, uin, address }: OpenCall<'Logout'>) {
  const session = ctx.sessions.find(address, uin)
  if (session) ctx.sessions.end(session)
  return done('Logout', null)
}
