import type { Language } from '../../../shared/model.ts'
import { en } from './en.ts'
import { zh, type MessageKey } from './zh.ts'

export type { MessageKey }
export type Params = Readonly<Record<string, string | number>>

const DICTIONARIES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { zh, en }

/** A message in `language`, with `{name}` placeholders filled from `params` (as text). */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  return DICTIONARIES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  )
}

/** The language to show when the user left it to the system: the first one we have. */
export function systemLanguage(locales: readonly string[]): Language {
  for (const locale of locales) {
    const language = locale.toLowerCase().slice(0, 2)
    if (language === 'zh' || language === 'en') return language
  }
  return 'en'
}
