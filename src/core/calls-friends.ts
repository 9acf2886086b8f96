import type { AccountId } from '../shared/account-id.ts'
import { CodedError } from '../shared/errors.ts'
import { DEFAULT_GROUP_ID } from '../shared/model.ts'
import type { Account } from './account.ts'
import type { CoreCalls, CoreContext } from './core-context.ts'
import {
  addFriend,
  answerRequest,
  getProfile,
  removeFriend,
  type FriendCommandContext
} from './friend-commands.ts'
import { attempt } from './results.ts'

/** The bridge calls about friends and groups: the server commands are in friend-commands.ts. */
type FriendCalls = Pick<
  CoreCalls,
  | 'getProfile'
  | 'addFriend'
  | 'answerRequest'
  | 'removeFriend'
  | 'setRemark'
  | 'createGroup'
  | 'renameGroup'
  | 'deleteGroup'
  | 'moveFriend'
>

function requireGroup(account: Account, groupId: string): void {
  if (!account.store.contacts.hasGroup(groupId))
    throw new CodedError('NOT_FOUND', `no group ${groupId}`)
}

function requireFriend(account: Account, uin: number): void {
  if (!account.roster.isFriend(uin)) throw new CodedError('NOT_FOUND', `${uin} is not a friend`)
}

/** Changes the list locally (groups, a move), then sends every window the new list. */
function local(context: CoreContext, id: AccountId, change: (account: Account) => void): null {
  const account = context.require(id)
  change(account)
  account.roster.publish()
  return null
}

export function friendCalls(context: CoreContext): FriendCalls {
  const actions = (id: AccountId): FriendCommandContext => {
    const account = context.require(id)
    return {
      account,
      session: context.requireSession(id),
      timers: context.connection.timers,
      penaltyMs: context.connection.timing.penaltyMs,
      emit: (event) => context.emit(id, event)
    }
  }
  return {
    getProfile: (id, uin, refresh) =>
      attempt('getProfile', () => {
        const account = context.require(id)
        return getProfile(account, account.session, uin, refresh, context.connection.clock.now())
      }),
    addFriend: (id, uin, reason) => attempt('addFriend', () => addFriend(actions(id), uin, reason)),
    answerRequest: (id, uin, accept, reason) =>
      attempt(
        'answerRequest',
        async () => (await answerRequest(actions(id), uin, accept, reason), null)
      ),
    removeFriend: (id, uin) =>
      attempt('removeFriend', async () => (await removeFriend(actions(id), uin), null)),
    setRemark: (id, uin, remark) =>
      attempt('setRemark', () => {
        const account = context.require(id)
        requireFriend(account, uin)
        account.store.contacts.setRemark(uin, remark.trim())
        account.roster.updated(uin, { remark: remark.trim() })
        return null
      }),
    createGroup: (id, name) =>
      attempt('createGroup', () => {
        const account = context.require(id)
        const group = account.store.contacts.createGroup(name.trim())
        account.roster.publish()
        return group
      }),
    renameGroup: (id, groupId, name) =>
      attempt('renameGroup', () =>
        local(context, id, (account) => {
          if (!account.store.contacts.renameGroup(groupId, name.trim())) {
            throw new CodedError('NOT_FOUND', `no group ${groupId}`)
          }
        })
      ),
    deleteGroup: (id, groupId) =>
      attempt('deleteGroup', () =>
        local(context, id, (account) => {
          if (groupId === DEFAULT_GROUP_ID) {
            throw new CodedError('INVALID_ARGUMENT', 'the default group stays')
          }
          if (!account.store.contacts.deleteGroup(groupId)) {
            throw new CodedError('NOT_FOUND', `no group ${groupId}`)
          }
        })
      ),
    moveFriend: (id, uin, groupId) =>
      attempt('moveFriend', () =>
        local(context, id, (account) => {
          requireFriend(account, uin)
          requireGroup(account, groupId)
          account.store.contacts.moveTo(uin, groupId)
        })
      )
  }
}
