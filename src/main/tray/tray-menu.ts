import type { MenuItemConstructorOptions } from 'electron'
import type { AccountId } from '../../shared/account-id.ts'
import type { Status } from '../../shared/model.ts'
import { STATUS } from '../../shared/protocol/index.ts'
import type { Translate } from '../i18n.ts'
import type { AccountState, ShellState } from '../state-mirror.ts'
import { displayName } from '../../shared/display-name.ts'

export interface TrayActions {
  setStatus(account: AccountId, status: Status): void
  logout(account: AccountId): void
  openChat(account: AccountId, uin: number): void
  /** Opens the login window, for one more account. */
  addAccount(): void
  showMain(): void
  quit(): void
}

/** One account: its status to choose, and its chats waiting to be read. */
function accountMenu(
  state: AccountState,
  t: Translate,
  actions: TrayActions
): MenuItemConstructorOptions {
  const { account, session, me } = state
  const online = session.phase === 'online'
  const status = (label: string, value: Status): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: online && session.status === value,
    enabled: online,
    click: () => actions.setStatus(account, value)
  })
  const unread = [...state.friends.values()].filter((friend) => friend.unread > 0)
  return {
    id: account,
    label: t('tray.account', { nick: me.nick, uin: me.uin }),
    submenu: [
      status(t('tray.online'), STATUS.ONLINE),
      status(t('tray.busy'), STATUS.BUSY),
      status(t('tray.invisible'), STATUS.INVISIBLE),
      {
        label: t('tray.offline'),
        type: 'radio',
        checked: !online,
        enabled: online,
        click: () => actions.logout(account)
      },
      { type: 'separator' },
      ...(unread.length === 0
        ? [{ label: t('tray.noUnread'), enabled: false }]
        : unread.map((friend) => ({
            label: `${displayName(friend)} (${friend.unread})`,
            click: () => actions.openChat(account, friend.uin)
          })))
    ]
  }
}

/** The tray's menu: each account (its status, its unread chats), add an account, open, quit. */
export function trayMenu(
  state: ShellState,
  t: Translate,
  actions: TrayActions
): MenuItemConstructorOptions[] {
  const accounts = [...state.accounts.values()]
  return [
    ...(accounts.length === 0
      ? [{ label: t('tray.loggedOut'), enabled: false }]
      : accounts.map((account) => accountMenu(account, t, actions))),
    { type: 'separator' },
    { label: t('tray.addAccount'), click: () => actions.addAccount() },
    { label: t('tray.open'), click: () => actions.showMain() },
    { label: t('tray.quit'), click: () => actions.quit() }
  ]
}
