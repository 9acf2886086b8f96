import { watchEffect } from 'vue'

/** Keeps the window's title (the OS title bar, the tab, the task bar) up to date. */
export function useWindowTitle(title: () => string): void {
  watchEffect(() => {
    document.title = title()
  })
}
