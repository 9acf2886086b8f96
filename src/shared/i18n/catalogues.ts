import type { Language } from '../model.ts'
import { en } from './en.ts'
import { zh, type MessageKey } from './zh.ts'

export type { MessageKey }
export type Catalogue = Readonly<Record<MessageKey, string>>

/** Plain data: the server and the CLI read it as is, without vue-i18n (a devDependency). */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { zh, en }

/** For keys made of what the server sends (a profile's keys and codes). */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(zh, key)
