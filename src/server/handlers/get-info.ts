import { RES } from '../../shared/protocol/index.ts'
import { done, refused, type SessionCall } from './call.ts'

/** Section 6.4: the fields of the level asked; D-8: no such account is RES=5. */
export async function getInfo({ ctx, request }: SessionCall<'GetInfo'>) {
  const account = await ctx.accounts.get(request.target)
  if (!account) return refused('GetInfo', RES.INVALID_UIN)
  return done('GetInfo', {
    level: request.level,
    uin: account.uin,
    fields: { ...account.profile, FC: String(account.face), NK: account.nick }
  })
}
