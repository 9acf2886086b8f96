import { isValidUin, RES, STATUS, type Reply } from '../../shared/protocol/index.ts'
import { newSessionKey } from '../state/session-key.ts'
import { visibleStatus } from '../state/types.ts'
import { verifyPasswordMd5 } from '../storage/passwords.ts'
import { done, refused, type OpenCall } from './call.ts'

/** The reason the seed's server gave for a wrong password. */
export const WRONG_PASSWORD_REASON = '密码错误'

/**
 * Section 6.1, D-12 (invalid or unknown number: RES=5), D-13 (online after login), D-26 (a key
 * for a client that asks, unless the server is classic). Too many wrong passwords from one
 * address are a penalty (LoginGuard).
 */
export async function login({ ctx, uin, address, request }: OpenCall<'Login'>) {
  const hash = isValidUin(uin) ? await ctx.accounts.passwordHash(uin) : undefined
  if (hash === undefined) return refused('Login', RES.INVALID_UIN)
  if (await ctx.loginGuard.blocked(address, uin, ctx.now())) {
    await ctx.penalties.hold()
    return refused('Login', RES.PENALTY)
  }
  if (!(await verifyPasswordMd5(request.passwordMd5, hash))) {
    await ctx.loginGuard.failed(address, uin, ctx.now())
    return done('Login', { accepted: false, reason: WRONG_PASSWORD_REASON })
  }
  await ctx.loginGuard.succeeded(address, uin)
  const previous = await ctx.sessions.current(uin)
  const seenAs = previous?.address === address ? visibleStatus(previous.status) : STATUS.OFFLINE
  const sessionKey = request.wantsKey && !ctx.config.classic ? newSessionKey() : undefined
  await ctx.sessions.login(address, uin, sessionKey)
  if (seenAs !== STATUS.ONLINE) await ctx.post.announceStatus(uin, STATUS.ONLINE)
  const accepted = {
    accepted: true,
    heartbeat: ctx.config.heartbeatSeconds,
    idle: ctx.config.idleTimeoutSeconds
  } as const
  return done('Login', sessionKey === undefined ? accepted : { ...accepted, sessionKey })
}

/**
 * Why a login failed, for the log: a failed login is a reply like any other (a wrong
 * password is even RES=0), and an admin looks for guessing.
 */
export function loginRefusal(reply: Reply<'Login'>): string | undefined {
  if (reply.ok) return reply.data.accepted ? undefined : 'wrong password'
  if (reply.res === RES.INVALID_UIN) return 'unknown number'
  return reply.res === RES.PENALTY ? 'guarded' : undefined
}
