import { CodedError } from '../shared/errors.ts'
import type { AddFriendOutcome, Profile } from '../shared/model.ts'
import { ACK_KIND, ADD_POLICY, STATUS, type AckKind } from '../shared/protocol/index.ts'
import type { Account } from './account.ts'
import type { Emit } from './events.ts'
import { codeOf } from './results.ts'
import { detailsOf, welcomeFriend } from './roster-fetch.ts'
import type { Session } from './session.ts'
import { sleep, type Timers } from './clock.ts'

/*
 * The server commands about one person: add (`AddToList`, `Ack_AddToList`), answer, remove
 * (`DelFromList`) and a profile (`GetInfo`). The bridge calls that use them, with the
 * group and remark calls that need no server, are in calls-friends.ts.
 */

export interface FriendCommandContext {
  readonly account: Account
  readonly session: Session
  readonly timers: Timers
  readonly penaltyMs: number
  readonly emit: Emit
}

/**
 * `Ack_AddToList`. D-17: a server of the time lost some of these with `RES=3`, so one
 * refused that way is sent once more after the penalty.
 */
async function acknowledge(
  context: FriendCommandContext,
  target: number,
  kind: AckKind,
  reason: string
) {
  const request = { cmd: 'Ack_AddToList', target, kind, reason } as const
  try {
    await context.session.request(request)
  } catch (error) {
    if (codeOf(error) !== 'PENALTY') throw error
    await sleep(context.timers, context.penaltyMs, context.session.signal)
    await context.session.request(request)
  }
}

async function befriend(context: FriendCommandContext, uin: number): Promise<void> {
  const { account, session } = context
  account.store.contacts.setFriend(uin, true)
  account.roster.publish()
  // Added either way: should this fail, the periodic refresh brings presence, nick and face.
  await welcomeFriend(session, account.roster, account.store.contacts, uin).catch(() => undefined)
}

/** `AddToList`, and the verification request when the other side asks for one (CD=1). */
export async function addFriend(
  context: FriendCommandContext,
  uin: number,
  reason: string
): Promise<AddFriendOutcome> {
  const { code } = await context.session.request({ cmd: 'AddToList', target: uin })
  switch (code) {
    case ADD_POLICY.ALLOW:
      await befriend(context, uin)
      return 'added'
    case ADD_POLICY.VERIFY:
      await acknowledge(context, uin, ACK_KIND.REQUEST, reason)
      return 'verification-sent'
    case ADD_POLICY.REFUSE:
      return 'refused'
    default:
      throw new CodedError('BAD_REPLY', `AddToList: CD=${code}`)
  }
}

/** Accepts or refuses `uin`'s request to add me; the request's system message records it. */
export async function answerRequest(
  context: FriendCommandContext,
  uin: number,
  accept: boolean,
  reason: string
): Promise<void> {
  await acknowledge(context, uin, accept ? ACK_KIND.ACCEPT : ACK_KIND.REFUSE, accept ? '' : reason)
  const answered = context.account.store.systemMessages.answer(uin, accept ? 'accepted' : 'refused')
  for (const message of answered) context.emit({ type: 'system-message', message })
}

export async function removeFriend(context: FriendCommandContext, uin: number): Promise<void> {
  await context.session.request({ cmd: 'DelFromList', target: uin })
  context.account.store.contacts.setFriend(uin, false)
  context.account.roster.setPresence(uin, STATUS.OFFLINE)
  context.account.roster.publish()
}

/** A full profile (level 3), from the cache unless `refresh` or there is none. */
export async function getProfile(
  account: Account,
  session: Session | undefined,
  uin: number,
  refresh: boolean,
  now: number
): Promise<Profile> {
  const cached = account.store.profiles.get(uin)
  if (cached !== undefined && (!refresh || session === undefined)) return cached
  if (session === undefined) throw new CodedError('OFFLINE', 'not connected')
  const { fields } = await session.request({ cmd: 'GetInfo', level: 3, target: uin })
  const profile: Profile = { uin, fields: { ...fields }, fetchedAt: now }
  account.store.profiles.put(profile)
  if (account.store.contacts.get(uin) !== undefined) {
    const { nick, face } = detailsOf(fields)
    if (account.store.contacts.setDetails(uin, nick, face)) account.roster.publish()
  }
  return profile
}
