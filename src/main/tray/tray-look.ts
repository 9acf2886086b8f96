import type { SessionState, Status } from '../../shared/model.ts'
import type { MessageKey } from '../../shared/i18n/translator.ts'
import { STATUS } from '../../shared/protocol/index.ts'
import type { Translate } from '../i18n.ts'
import type { ShellState } from '../state-mirror.ts'

export type TrayIconName = 'online' | 'busy' | 'invisible' | 'offline' | 'message'

const BY_STATUS: Readonly<Record<Status, TrayIconName>> = {
  [STATUS.ONLINE]: 'online',
  [STATUS.OFFLINE]: 'offline',
  [STATUS.BUSY]: 'busy',
  [STATUS.INVISIBLE]: 'invisible'
}

/** Only a working session shows a status: logging in or reconnecting still looks offline. */
export function statusIcon(session: SessionState): TrayIconName {
  return session.phase === 'online' ? BY_STATUS[session.status] : 'offline'
}

const STATUS_WORDS = {
  [STATUS.ONLINE]: 'tray.online',
  [STATUS.OFFLINE]: 'tray.offline',
  [STATUS.BUSY]: 'tray.busy',
  [STATUS.INVISIBLE]: 'tray.invisible'
} as const satisfies Record<Status, MessageKey>

export function statusWord(session: SessionState, t: Translate): string {
  if (session.phase === 'offline') return t('tray.loggedOut')
  if (session.phase !== 'online') return t('tray.offline')
  return t(STATUS_WORDS[session.status])
}

/** The app, then each account with its status, then what waits to be read. */
export function trayTooltip(state: ShellState, unread: number, t: Translate): string {
  const accounts = [...state.accounts.values()]
  const lines = [t('tray.appName')]
  if (accounts.length === 0) lines.push(t('tray.loggedOut'))
  for (const { me, session } of accounts) {
    lines.push(`${t('tray.account', { nick: me.nick, uin: me.uin })} ${statusWord(session, t)}`)
  }
  if (unread > 0) lines.push(t('tray.unreadCount', { count: unread }))
  return lines.join('\n')
}
