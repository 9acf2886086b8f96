import { onBeforeUnmount, watchEffect } from 'vue'
import { useSettingsStore } from '../stores/settings.ts'
import { applyTheme } from './tokens.ts'

/**
 * Follows the operating system's dark mode and languages (for the `system` choices) and
 * keeps the page's theme and `lang` in step with the settings.
 */
export function useSystemPreferences(): void {
  const settings = useSettingsStore()
  const dark = window.matchMedia('(prefers-color-scheme: dark)')
  const onDark = (): void => {
    settings.systemDark = dark.matches
  }
  const onLanguages = (): void => {
    settings.systemLanguages = navigator.languages
  }
  onDark()
  dark.addEventListener('change', onDark)
  window.addEventListener('languagechange', onLanguages)
  onBeforeUnmount(() => {
    dark.removeEventListener('change', onDark)
    window.removeEventListener('languagechange', onLanguages)
  })

  watchEffect(() => {
    applyTheme(document.documentElement, settings.theme)
    document.documentElement.lang = settings.language === 'zh' ? 'zh-CN' : 'en'
  })
}
