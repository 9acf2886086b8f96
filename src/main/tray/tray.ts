/**
 * The one tray icon, for every account: the first account's status at a glance, blinking
 * (status ⇄ message) while any account has anything unread; a click opens the oldest unread
 * chat, or the main windows; the menu does the rest, account by account.
 */
import { join } from 'node:path'
import { Menu, nativeImage, Tray, type NativeImage } from 'electron'
import type { Translate } from '../i18n.ts'
import type { AccountId } from '../../shared/account-id.ts'
import { unreadChats, type ShellState } from '../state-mirror.ts'
import { statusIcon, trayTooltip, type TrayIconName } from './tray-look.ts'
import { trayMenu, type TrayActions } from './tray-menu.ts'

export const BLINK_INTERVAL_MS = 500

export interface AppTray {
  update(state: ShellState, t: Translate): void
  destroy(): void
}

export function createAppTray(iconsDir: string, actions: TrayActions): AppTray {
  const images = new Map<TrayIconName, NativeImage>()
  const image = (name: TrayIconName): NativeImage => {
    const cached =
      images.get(name) ?? nativeImage.createFromPath(join(iconsDir, `tray-${name}.png`))
    images.set(name, cached)
    return cached
  }
  let resting = image('offline')
  const tray = new Tray(resting)
  let blink: ReturnType<typeof setInterval> | undefined
  let lit = false
  let firstUnread: { account: AccountId; uin: number } | undefined
  let menuShown = ''

  const show = (): void => tray.setImage(lit ? image('message') : resting)
  const stopBlinking = (): void => {
    clearInterval(blink)
    blink = undefined
    lit = false
  }

  tray.on('click', () => {
    if (firstUnread === undefined) actions.showMain()
    else actions.openChat(firstUnread.account, firstUnread.uin)
  })

  return {
    update(state, t) {
      const unread = unreadChats(state)
      const total = unread.reduce((sum, { friend }) => sum + friend.unread, 0)
      const first = state.accounts.values().next().value
      resting = image(first === undefined ? 'offline' : statusIcon(first.session))
      firstUnread = unread[0] && { account: unread[0].account, uin: unread[0].friend.uin }
      tray.setToolTip(trayTooltip(state, total, t))
      // The native menu is rebuilt only when what it shows changed, which many changes (a
      // setting, the remark of a friend with nothing unread) leave as it was. JSON leaves
      // the click handlers out, so the chats' accounts and numbers stand in for where they lead.
      const menu = trayMenu(state, t, actions)
      const shown = JSON.stringify([
        menu,
        unread.map(({ account, friend }) => [account, friend.uin])
      ])
      if (shown !== menuShown) tray.setContextMenu(Menu.buildFromTemplate(menu))
      menuShown = shown
      // A blink under way goes on: restarting it at every change (presence comes often)
      // would hold the icon still.
      if (total === 0) stopBlinking()
      else if (blink === undefined) {
        blink = setInterval(() => {
          lit = !lit
          show()
        }, BLINK_INTERVAL_MS)
      }
      show()
    },
    destroy() {
      stopBlinking()
      tray.destroy()
    }
  }
}
