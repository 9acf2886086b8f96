import type { Language } from '../../../shared/model.ts'
import { translate } from '../i18n/translate.ts'

const DAY_MS = 86_400_000
const locale = (language: Language): string => (language === 'zh' ? 'zh-CN' : 'en-GB')

const startOfDay = (time: number): number => {
  const date = new Date(time)
  date.setHours(0, 0, 0, 0)
  return date.getTime()
}

/** When a message was sent, as short as is clear: the time today, "yesterday", else the date. */
export function messageTime(time: number, now: number, language: Language): string {
  const clock = new Date(time).toLocaleTimeString(locale(language), { hour12: false })
  const today = startOfDay(now)
  if (time >= today) return clock
  if (time >= today - DAY_MS) return translate(language, 'time.yesterday', { time: clock })
  const date = new Date(time).toLocaleDateString(locale(language), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  })
  return `${date} ${clock}`
}

/** Full date and time, for tooltips and the profile's "updated" line. */
export const fullTime = (time: number, language: Language): string =>
  new Date(time).toLocaleString(locale(language), { hour12: false })
