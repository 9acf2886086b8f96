import { createI18n } from 'vue-i18n'
import type { Language } from '../../../shared/model.ts'
import { CATALOGUES, type MessageKey } from '../../../shared/i18n/catalogues.ts'
import type { Params } from '../../../shared/i18n/translator.ts'

export type { MessageKey, Params }

/**
 * The window's vue-i18n, not installed in the app: `useI18n()` passes the language of the
 * settings store to each call, so a template that reads it follows a change at once.
 */
const i18n = createI18n({
  legacy: false,
  locale: 'zh',
  fallbackLocale: false,
  messages: CATALOGUES
})

/**
 * A value left out keeps its `{name}` in the text, where NamedText puts the name as an
 * element of its own (vue-i18n would print nothing there).
 */
function withUnfilled(language: Language, key: MessageKey, params: Params): Params {
  const unfilled = [...CATALOGUES[language][key].matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(name in params))
  return unfilled.length === 0
    ? params
    : { ...Object.fromEntries(unfilled.map((name) => [name, `{${name}}`])), ...params }
}

/** A message in `language`, `{name}` values filled as text; `count` picks the plural form. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  return i18n.global.t(key, withUnfilled(language, key, params), { locale: language })
}

/** The language to show when the user left it to the system: the first one we have. */
export function systemLanguage(locales: readonly string[]): Language {
  for (const locale of locales) {
    const language = locale.toLowerCase().slice(0, 2)
    if (language === 'zh' || language === 'en') return language
  }
  return 'en'
}
