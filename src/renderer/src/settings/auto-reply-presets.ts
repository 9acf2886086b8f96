import type { Language } from '../../../shared/model.ts'
import { translate, type MessageKey } from '../i18n/translate.ts'

const PRESET_KEYS: readonly MessageKey[] = [
  'autoReply.preset1',
  'autoReply.preset2',
  'autoReply.preset3'
]

/**
 * The ready-made auto-replies, in the current language first and then the other one (a
 * friend may read the other), each a starting point the user can edit.
 */
export function autoReplyPresets(language: Language): string[] {
  const other: Language = language === 'zh' ? 'en' : 'zh'
  return [language, other].flatMap((lang) => PRESET_KEYS.map((key) => translate(lang, key)))
}
