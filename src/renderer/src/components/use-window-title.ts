import { watchEffect } from 'vue'
import { useSessionStore } from '../stores/session.ts'
import { visibleText } from '../text/visible-text.ts'
import { windowOwner } from '../window-account.ts'

/**
 * Keeps the window's title (the OS title bar, the tab, the task bar) up to date. A window of
 * an account says whose it is at the end, `… - 小企鹅 (10001)`, so two accounts' chats with
 * the same friend are told apart; a title that ends with the number already (the buddy
 * list's) is not named twice. Electron's main leaves a title ending so as it is.
 */
export function useWindowTitle(title: () => string): void {
  const owner = windowOwner()
  const session = useSessionStore()
  watchEffect(() => {
    const own = title()
    if (owner === null || own.endsWith(`(${owner})`)) {
      document.title = own
      return
    }
    const me = session.me?.uin === owner ? session.me : null
    document.title = me ? `${own} - ${visibleText(me.nick)} (${owner})` : `${own} (${owner})`
  })
}
