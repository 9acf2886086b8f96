import { createTranslator, type Translate } from '../shared/i18n/translator.ts'
import type { Language } from '../shared/model.ts'

export type { Translate }

/**
 * The main process's words (tray, notifications, window titles): the `tray.`, `notify.` and
 * `window.` catalogue sections.
 */
const TRANSLATORS: Readonly<Record<Language, Translate>> = {
  zh: createTranslator('zh'),
  en: createTranslator('en')
}

/** `system` follows the operating system's language: Chinese for any zh locale. */
export function translatorFor(setting: Language | 'system', systemLocale: string): Translate {
  const language =
    setting === 'system' ? (systemLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en') : setting
  return TRANSLATORS[language]
}
