import { computed } from 'vue'
import { ERROR_CODES, type AppError, type ErrorCode } from '../../../shared/errors.ts'
import type { FriendGroup } from '../../../shared/model.ts'
import type { Status } from '../../../shared/protocol/dictionaries.ts'
import { useSettingsStore } from '../stores/settings.ts'
import { groupText as nameOfGroup } from './default-group.ts'
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
  const statusText = (status: Status): string => t(`status.${status}`)
  /** A group's name, the default group's in the window's language. */
  const groupText = (group: FriendGroup | undefined): string =>
    nameOfGroup(group, t('buddies.defaultGroup'))
  const language = computed(() => settings.language)
  return { t, errorText, statusText, groupText, language }
}
