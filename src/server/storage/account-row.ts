import type { AddPolicy } from '../../shared/protocol/index.ts'
import { storedProfile } from './profile.ts'
import type { Account } from './types.ts'

/** An account as both engines' `accounts` table returns it, read with SELECT_ACCOUNTS. */
export interface AccountRow {
  uin: number
  nick: string
  face: number
  policy: number
  profile: string
}

/** The columns AccountRow holds; each engine adds its own WHERE or ORDER BY. */
export const SELECT_ACCOUNTS = 'SELECT uin, nick, face, policy, profile FROM accounts'

export function fromRow(row: AccountRow): Account {
  return {
    uin: row.uin,
    nick: row.nick,
    face: row.face,
    policy: row.policy as AddPolicy,
    profile: storedProfile(row.profile)
  }
}
