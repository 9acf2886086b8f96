import { computed } from 'vue'
import { ERROR_CODES, type AppError, type ErrorCode } from '../../../shared/errors.ts'
import { STATUS_LABELS, type Status } from '../../../shared/protocol/dictionaries.ts'
import { useSettingsStore } from '../stores/settings.ts'
import { translate, type MessageKey, type Params } from './translate.ts'

const isErrorCode = (code: string): code is ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(code)

/** Words in the window's language; reading them in a template follows language changes. */
export function useI18n() {
  const settings = useSettingsStore()
  const t = (key: MessageKey, params?: Params): string => translate(settings.language, key, params)
  /** What an error code means to the person, in their language. */
  const errorText = (error: AppError | string): string => {
    const code = typeof error === 'string' ? error : error.code
    return isErrorCode(code) ? t(`error.${code}`) : t('error.unknown', { code })
  }
  const statusText = (status: Status): string => STATUS_LABELS[status][settings.language]
  const language = computed(() => settings.language)
  return { t, errorText, statusText, language }
}
