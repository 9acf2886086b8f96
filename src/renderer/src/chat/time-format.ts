import type { Language } from '../../../shared/model.ts'
import { translate } from '../i18n/translate.ts'

const DAY_MS = 86_400_000
const LOCALES: Readonly<Record<Language, string>> = { zh: 'zh-CN', en: 'en-GB' }

/** Formatters are costly to make and cheap to use: one of each kind per language. */
function formatters(language: Language) {
  const locale = LOCALES[language]
  const clock = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } as const
  const date = { year: 'numeric', month: '2-digit', day: '2-digit' } as const
  return {
    clock: new Intl.DateTimeFormat(locale, clock),
    date: new Intl.DateTimeFormat(locale, date),
    full: new Intl.DateTimeFormat(locale, { ...date, ...clock })
  }
}
const cache = new Map<Language, ReturnType<typeof formatters>>()
function formattersFor(language: Language): ReturnType<typeof formatters> {
  let found = cache.get(language)
  if (!found) {
    found = formatters(language)
    cache.set(language, found)
  }
  return found
}

const startOfDay = (time: number): number => {
  const date = new Date(time)
  date.setHours(0, 0, 0, 0)
  return date.getTime()
}

/** When a message was sent, as short as is clear: the time today, "yesterday", else the date. */
export function messageTime(time: number, now: number, language: Language): string {
  const { clock, date } = formattersFor(language)
  const today = startOfDay(now)
  const shown = clock.format(time)
  if (time >= today) return shown
  if (time >= today - DAY_MS) return translate(language, 'time.yesterday', { time: shown })
  return `${date.format(time)} ${shown}`
}

/** Full date and time, for tooltips and the profile's "updated" line. */
export const fullTime = (time: number, language: Language): string =>
  formattersFor(language).full.format(time)
