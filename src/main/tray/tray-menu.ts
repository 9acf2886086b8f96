import type { MenuItemConstructorOptions } from 'electron'
import type { Friend, Status } from '../../shared/model.ts'
import type { Words } from '../i18n.ts'
import type { ShellState } from '../state-mirror.ts'
import { displayName } from '../state-mirror.ts'

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
  words: Words,
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
    status(words.online, 10),
    status(words.busy, 30),
    status(words.invisible, 40),
    {
      label: words.offline,
      type: 'radio',
      checked: !online,
      enabled: online,
      click: () => actions.logout()
    },
    { type: 'separator' },
    {
      label: words.unread,
      submenu:
        unread.length === 0
          ? [{ label: words.noUnread, enabled: false }]
          : unread.map((friend) => ({
              label: `${displayName(friend, friend.uin)} (${friend.unread})`,
              click: () => actions.openChat(friend.uin)
            }))
    },
    { type: 'separator' },
    { label: words.open, click: () => actions.showMain() },
    { label: words.quit, click: () => actions.quit() }
  ]
}
