import type { Language } from '../../../shared/model.ts'
import { translate } from '../i18n/translate.ts'

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

/**
 * The local midnight that starts the calendar day `days` after the one holding `time`.
 * Counted in dates, not in 24-hour steps: around a daylight-saving change a day lasts 23
 * or 25 hours.
 */
const startOfDay = (time: number, days = 0): number => {
  const date = new Date(time)
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime()
}

/** When a message was sent, as short as is clear: the time today, "yesterday", else the date. */
export function messageTime(time: number, now: number, language: Language): string {
  const { clock, date } = formattersFor(language)
  const shown = clock.format(time)
  if (time >= startOfDay(now)) return shown
  if (time >= startOfDay(now, -1)) return translate(language, 'time.yesterday', { time: shown })
  return `${date.format(time)} ${shown}`
}

/** Full date and time, for tooltips and the profile's "updated" line. */
export const fullTime = (time: number, language: Language): string =>
  formattersFor(language).full.format(time)
