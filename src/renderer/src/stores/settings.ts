import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { Language, LogFolder, Settings } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'
import { systemLanguage } from '../i18n/translate.ts'

/** D-27: while hosting for the network, where others connect and the fingerprint they compare. */
export interface LanHostingView {
  readonly address: string | undefined
  readonly fingerprint: string
}

export const useSettingsStore = defineStore('settings', () => {
  const qq = bridge()
  const settings = shallowRef<Settings | null>(null)
  const error = shallowRef<AppError | null>(null)
  // The operating system's choices, read once per window and followed when they change.
  const systemLanguages = ref<readonly string[]>(navigator.languages)
  const systemDark = ref(false)
  const lan = shallowRef<LanHostingView | null>(null)
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
    const result = await qq.updateSettings(patch)
    if (!result.ok) {
      error.value = result.error
      return false
    }
    error.value = null
    settings.value = result.value
    return true
  }

  /** Asked again on each switch of hosting: the host answers once the server has switched. */
  async function loadLan(): Promise<void> {
    const result = await qq.getLoginOptions()
    const fingerprint = result.ok ? result.value.lanFingerprint : undefined
    lan.value =
      result.ok && fingerprint !== undefined
        ? { address: result.value.lanAddress, fingerprint }
        : null
  }

  async function loadLogFolder(): Promise<void> {
    const result = await qq.getLogFolder()
    if (result.ok) logFolder.value = result.value
    else error.value = result.error
  }

  async function openLogFolder(): Promise<void> {
    const result = await qq.openLogFolder()
    error.value = result.ok ? null : result.error
  }

  return {
    settings,
    error,
    systemLanguages,
    systemDark,
    lan,
    language,
    theme,
    logFolder,
    apply,
    update,
    loadLan,
    loadLogFolder,
    openLogFolder
  }
})
