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
    getHistory: (peer, before, limit) =>
      attempt('getHistory', () =>
        context.requireAccount().store.messages.page(peer, before, limit)
      ),
    searchHistory: (text, peer) =>
      attempt('searchHistory', () => {
        if (text.trim() === '') throw new CodedError('INVALID_ARGUMENT', 'nothing to search for')
        return context.requireAccount().store.messages.search(text, peer)
      }),
    exportHistory: (peer) =>
      attempt('exportHistory', () => {
        const account = context.requireAccount()
        const nameOf = (uin: number) => displayName(account.store.contacts.get(uin) ?? { uin })
        return exportText(account.store.messages.all(peer), nameOf, account.me.nick)
      }),
    sendMessage: (peer, text) =>
      attempt('sendMessage', () => {
        if (text === '') throw new CodedError('INVALID_ARGUMENT', 'an empty message')
        return context.requireAccount().outbox.add(peer, text)
      }),
    retryMessage: (messageId) =>
      attempt('retryMessage', () => {
        context.requireAccount().outbox.retry(messageId)
        return null
      }),
    markRead: (peer) =>
      attempt('markRead', () => {
        const account = context.requireAccount()
        if (account.store.contacts.clearUnread(peer)) account.roster.unreadChanged(peer)
        return null
      })
  }
}
