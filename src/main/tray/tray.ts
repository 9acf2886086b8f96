/**
 * The tray icon: my status at a glance, blinking (status ⇄ message) while anything is
 * unread; a click opens the oldest unread chat, or the main window; the menu does the rest.
 */
import { join } from 'node:path'
import { Menu, nativeImage, Tray, type NativeImage } from 'electron'
import type { Words } from '../i18n.ts'
import type { ShellState } from '../state-mirror.ts'
import { statusIcon, trayTooltip, type TrayIconName } from './tray-look.ts'
import { trayMenu, unreadFriends, type TrayActions } from './tray-menu.ts'

export const BLINK_INTERVAL_MS = 500

export interface AppTray {
  update(state: ShellState, words: Words): void
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
  const tray = new Tray(image('offline'))
  let blink: ReturnType<typeof setInterval> | undefined
  let firstUnread: number | undefined

  const stopBlinking = (): void => {
    clearInterval(blink)
    blink = undefined
  }

  tray.on('click', () => {
    if (firstUnread === undefined) actions.showMain()
    else actions.openChat(firstUnread)
  })

  return {
    update(state, words) {
      const unread = unreadFriends(state)
      const total = unread.reduce((sum, friend) => sum + friend.unread, 0)
      const resting = image(statusIcon(state.session))
      firstUnread = unread[0]?.uin
      tray.setToolTip(trayTooltip(state.session, state.me?.nick ?? null, total, words))
      tray.setContextMenu(Menu.buildFromTemplate(trayMenu(state, words, actions)))
      stopBlinking()
      tray.setImage(resting)
      if (total > 0) {
        let lit = false
        blink = setInterval(() => {
          lit = !lit
          tray.setImage(lit ? image('message') : resting)
        }, BLINK_INTERVAL_MS)
      }
    },
    destroy() {
      stopBlinking()
      tray.destroy()
    }
  }
}
