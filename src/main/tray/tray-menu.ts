import type { MenuItemConstructorOptions } from 'electron'
import type { Friend, Status } from '../../shared/model.ts'
import { STATUS } from '../../shared/protocol/index.ts'
import type { Translate } from '../i18n.ts'
import type { ShellState } from '../state-mirror.ts'
import { displayName } from '../../shared/display-name.ts'

export interface TrayActions {
  setStatus(status: Status): void
  logout(): void
  openChat(uin: number): void
  showMain(): void
  quit(): void
}

/** Friends with unread messages, in the order the core lists friends (by number). */
export const unreadFriends = (state: ShellState): Friend[] =>
  [...state.friends.values()].filter((friend) => friend.unread > 0)

/** The tray's menu: my status, the chats waiting to be read, open, quit. */
export function trayMenu(
  state: ShellState,
  t: Translate,
  actions: TrayActions
): MenuItemConstructorOptions[] {
  const online = state.session.phase === 'online'
  const status = (label: string, value: Status): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: online && state.session.status === value,
    enabled: online,
    click: () => actions.setStatus(value)
  })
  const unread = unreadFriends(state)
  return [
    status(t('tray.online'), STATUS.ONLINE),
    status(t('tray.busy'), STATUS.BUSY),
    status(t('tray.invisible'), STATUS.INVISIBLE),
    {
      label: t('tray.offline'),
      type: 'radio',
      checked: !online,
      enabled: online,
      click: () => actions.logout()
    },
    { type: 'separator' },
    {
      label: t('tray.unread'),
      submenu:
        unread.length === 0
          ? [{ label: t('tray.noUnread'), enabled: false }]
          : unread.map((friend) => ({
              label: `${displayName(friend)} (${friend.unread})`,
              click: () => actions.openChat(friend.uin)
            }))
    },
    { type: 'separator' },
    { label: t('tray.open'), click: () => actions.showMain() },
    { label: t('tray.quit'), click: () => actions.quit() }
  ]
}
