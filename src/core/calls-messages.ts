import { displayName } from '../shared/display-name.ts'
import { CodedError } from '../shared/errors.ts'
import type { CoreCalls, CoreContext } from './core-context.ts'
import { exportText } from './history-export.ts'
import { attempt } from './results.ts'

type MessageCalls = Pick<
  CoreCalls,
  'getHistory' | 'searchHistory' | 'exportHistory' | 'sendMessage' | 'retryMessage' | 'markRead'
>

export function messageCalls(context: CoreContext): MessageCalls {
  return {
    getHistory: (id, peer, before, limit) =>
      attempt('getHistory', () => context.require(id).store.messages.page(peer, before, limit)),
    searchHistory: (id, text, peer) =>
      attempt('searchHistory', () => {
        if (text.trim() === '') throw new CodedError('INVALID_ARGUMENT', 'nothing to search for')
        return context.require(id).store.messages.search(text, peer)
      }),
    exportHistory: (id, peer) =>
      attempt('exportHistory', () => {
        const account = context.require(id)
        const nameOf = (uin: number) => displayName(account.store.contacts.get(uin) ?? { uin })
        return exportText(account.store.messages.all(peer), nameOf, account.me.nick)
      }),
    sendMessage: (id, peer, text) =>
      attempt('sendMessage', () => {
        if (text === '') throw new CodedError('INVALID_ARGUMENT', 'an empty message')
        return context.require(id).outbox.add(peer, text)
      }),
    retryMessage: (id, messageId) =>
      attempt('retryMessage', () => {
        context.require(id).outbox.retry(messageId)
        return null
      }),
    markRead: (id, peer) =>
      attempt('markRead', () => {
        const account = context.require(id)
        if (account.store.contacts.clearUnread(peer)) account.roster.unreadChanged(peer)
        return null
      })
  }
}
