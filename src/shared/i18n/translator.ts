import { compile, createCoreContext, translate } from '@intlify/core-base'
import type { Language } from '../model.ts'
import { CATALOGUES, type MessageKey } from './catalogues.ts'

export type { MessageKey }
export type Params = Readonly<Record<string, string | number>>
/** A message of the catalogue with its `{name}` values filled; a `count` picks the plural form. */
export type Translate = (key: MessageKey, params?: Params) => string

/**
 * The catalogue in `language` without Vue, for the main process (tray, notifications): the
 * core of vue-i18n, the same message syntax and plural rules the renderer's windows use.
 */
export function createTranslator(language: Language): Translate {
  const context = createCoreContext({
    locale: language,
    messages: { [language]: CATALOGUES[language] },
    // The library's compiler: it turns a message into a tree it walks, never into code.
    messageCompiler: compile,
    fallbackLocale: false
  })
  return (key, params = {}) => {
    const text = translate(context, key, params)
    // A number is the library's "not found", which the key's type rules out.
    return typeof text === 'string' ? text : key
  }
}
