import type { SessionState, Status } from '../../shared/model.ts'
import type { Words } from '../i18n.ts'

export type TrayIconName = 'online' | 'busy' | 'invisible' | 'offline' | 'message'

const BY_STATUS: Readonly<Record<Status, TrayIconName>> = {
  10: 'online',
  20: 'offline',
  30: 'busy',
  40: 'invisible'
}

/** Only a working session shows a status: logging in or reconnecting still looks offline. */
export function statusIcon(session: SessionState): TrayIconName {
  return session.phase === 'online' ? BY_STATUS[session.status] : 'offline'
}

export function statusWord(session: SessionState, words: Words): string {
  if (session.phase === 'offline') return words.loggedOut
  if (session.phase !== 'online') return words.offline
  return { 10: words.online, 20: words.offline, 30: words.busy, 40: words.invisible }[
    session.status
  ]
}

export function trayTooltip(
  session: SessionState,
  nick: string | null,
  unread: number,
  words: Words
): string {
  const who =
    session.uin === null ? words.appName : `${words.appName}: ${nick ?? ''} (${session.uin})`
  const lines = [who, statusWord(session, words)]
  if (unread > 0) lines.push(`${words.unread}: ${unread}`)
  return lines.join('\n')
}
