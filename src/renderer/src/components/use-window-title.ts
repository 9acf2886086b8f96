import { watchEffect } from 'vue'
import { windowOwner } from '../window-account.ts'

/**
 * Keeps the window's title (the OS title bar, the tab, the task bar) up to date, ending with
 * the owner's number in every window of an account, so each says whose it is.
 */
export function useWindowTitle(title: () => string): void {
  const owner = windowOwner()
  watchEffect(() => {
    document.title = owner === null ? title() : `${title()} - ${owner}`
  })
}
