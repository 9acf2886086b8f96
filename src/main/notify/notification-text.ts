import type { CoreEvent, Me, NotificationPrivacy } from '../../shared/model.ts'
import type { Translate } from '../i18n.ts'

export interface NotificationText {
  readonly title: string
  readonly body: string
  /** The chat to open when it is clicked; none opens the system messages. */
  readonly chat?: number
}

/**
 * What a notification may say, by the user's privacy choice: `full` shows who and what,
 * `name-only` who but not what, `none` nothing. Only incoming messages and system messages
 * (a friend coming online among them) notify; my own, presence events and sent-message
 * updates never do.
 */
export function notificationText(
  event: CoreEvent,
  privacy: NotificationPrivacy,
  nameOf: (uin: number) => string,
  t: Translate
): NotificationText | null {
  if (privacy === 'none') return null
  if (event.type === 'message' && event.message.direction === 'in') {
    const { peer, text } = event.message
    const body = privacy === 'full' ? text : t('notify.newMessage')
    return { title: nameOf(peer), body, chat: peer }
  }
  if (event.type === 'system-message') {
    const { kind, from, text } = event.message
    // Clicking it opens the chat: the likely reason to care that someone came online.
    if (kind === 'online') return { title: nameOf(from), body: t('notify.cameOnline'), chat: from }
    const what = (
      {
        request: 'notify.friendRequest',
        accepted: 'notify.requestAccepted',
        refused: 'notify.requestRefused'
      } as const
    )[kind]
    const detail = privacy === 'full' && text !== '' ? `\n${text}` : ''
    return { title: t('notify.systemMessage'), body: `${t(what, { name: nameOf(from) })}${detail}` }
  }
  return null
}

/**
 * With several accounts signed in, a notification says which one it came to: a first line
 * naming the account ("to Penguin (10001)"), above what it says.
 */
export function addressedTo(text: NotificationText, owner: Me, t: Translate): NotificationText {
  const to = t('notify.toAccount', { nick: owner.nick, uin: owner.uin })
  return { ...text, body: `${to}\n${text.body}` }
}
