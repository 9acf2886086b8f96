import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { Language, LogFolder, Settings } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'
import { systemLanguage } from '../i18n/translate.ts'

export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<Settings | null>(null)
  const error = shallowRef<AppError | null>(null)
  // The operating system's choices, read once per window and followed when they change.
  const systemLanguages = ref<readonly string[]>(navigator.languages)
  const systemDark = ref(false)
  const logFolder = shallowRef<LogFolder | null>(null)

  const language = computed<Language>(() => {
    const chosen = settings.value?.language ?? 'system'
    return chosen === 'system' ? systemLanguage(systemLanguages.value) : chosen
  })
  const theme = computed<'light' | 'dark'>(() => {
    const chosen = settings.value?.theme ?? 'system'
    if (chosen === 'system') return systemDark.value ? 'dark' : 'light'
    return chosen
  })

  function apply(next: Settings): void {
    settings.value = next
  }

  async function update(patch: Partial<Settings>): Promise<boolean> {
    const result = await bridge().updateSettings(patch)
    if (!result.ok) {
      error.value = result.error
      return false
    }
    error.value = null
    settings.value = result.value
    return true
  }

  async function loadLogFolder(): Promise<void> {
    const result = await bridge().getLogFolder()
    if (result.ok) logFolder.value = result.value
    else error.value = result.error
  }

  async function openLogFolder(): Promise<void> {
    const result = await bridge().openLogFolder()
    error.value = result.ok ? null : result.error
  }

  return {
    settings,
    error,
    systemLanguages,
    systemDark,
    language,
    theme,
    logFolder,
    apply,
    update,
    loadLogFolder,
    openLogFolder
  }
})
