/**
 * Which signed-in account a call, an event or a window is for. Accounts are keyed by
 * (server, number): the same number on two servers is two accounts, with two histories.
 * The id is `<uin>@<server key>`, where the server key is `host:port`, or `built-in` for the
 * app's own server, whose port changes from one run to the next.
 */
import * as v from 'valibot'
import { MAX_UIN } from './protocol/commands.ts'

export type AccountId = string

/** The server key of the server the app hosts itself. */
export const BUILT_IN_SERVER = 'built-in'

const ACCOUNT_ID = /^(\d{1,10})@([^\s@/\\]{1,300})$/

export function accountId(serverKey: string, uin: number): AccountId {
  return `${uin}@${serverKey}`
}

/** The number and server key of an id; undefined for anything that is not one. */
export function parseAccountId(id: string): { uin: number; serverKey: string } | undefined {
  const match = ACCOUNT_ID.exec(id)
  if (match === null) return undefined
  const uin = Number(match[1])
  return uin >= 1 && uin <= MAX_UIN ? { uin, serverKey: match[2] as string } : undefined
}

export const AccountIdSchema = v.pipe(
  v.string(),
  v.check((id) => parseAccountId(id) !== undefined, 'an account id (<uin>@<server>)')
)
