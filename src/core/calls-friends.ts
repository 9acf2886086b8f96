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
function local(context: CoreContext, change: (account: Account) => void): null {
  const account = context.requireAccount()
  change(account)
  account.roster.publish()
  return null
}

export function friendCalls(context: CoreContext): FriendCalls {
  const actions = (): FriendCommandContext => ({
    account: context.requireAccount(),
    session: context.requireSession(),
    timers: context.connection.timers,
    penaltyMs: context.connection.timing.penaltyMs,
    emit: context.events.emit
  })
  return {
    getProfile: (uin, refresh) =>
      attempt('getProfile', () => {
        const account = context.requireAccount()
        return getProfile(account, account.session, uin, refresh, context.connection.clock.now())
      }),
    addFriend: (uin, reason) => attempt('addFriend', () => addFriend(actions(), uin, reason)),
    answerRequest: (uin, accept, reason) =>
      attempt(
        'answerRequest',
        async () => (await answerRequest(actions(), uin, accept, reason), null)
      ),
    removeFriend: (uin) =>
      attempt('removeFriend', async () => (await removeFriend(actions(), uin), null)),
    setRemark: (uin, remark) =>
      attempt('setRemark', () => {
        const account = context.requireAccount()
        requireFriend(account, uin)
        account.store.contacts.setRemark(uin, remark.trim())
        account.roster.updated(uin, { remark: remark.trim() })
        return null
      }),
    createGroup: (name) =>
      attempt('createGroup', () => {
        const account = context.requireAccount()
        const group = account.store.contacts.createGroup(name.trim())
        account.roster.publish()
        return group
      }),
    renameGroup: (groupId, name) =>
      attempt('renameGroup', () =>
        local(context, (account) => {
          if (!account.store.contacts.renameGroup(groupId, name.trim())) {
            throw new CodedError('NOT_FOUND', `no group ${groupId}`)
          }
        })
      ),
    deleteGroup: (groupId) =>
      attempt('deleteGroup', () =>
        local(context, (account) => {
          if (groupId === DEFAULT_GROUP_ID) {
            throw new CodedError('INVALID_ARGUMENT', 'the default group stays')
          }
          if (!account.store.contacts.deleteGroup(groupId)) {
            throw new CodedError('NOT_FOUND', `no group ${groupId}`)
          }
        })
      ),
    moveFriend: (uin, groupId) =>
      attempt('moveFriend', () =>
        local(context, (account) => {
          requireFriend(account, uin)
          requireGroup(account, groupId)
          account.store.contacts.moveTo(uin, groupId)
        })
      )
  }
}
