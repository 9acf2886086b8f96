import { beforeAll, describe, expect, it } from 'vitest'
import { messageTime } from '../../../src/renderer/src/chat/time-format.ts'

// Local time is the process's zone, and every test file runs in its own worker: this one runs
// in a zone that changes its clocks (set before any formatter is made, since a formatter
// keeps the zone it was made in). The cases below build their dates in local time.
process.env.TZ = 'Europe/Berlin'

describe('messageTime', () => {
  const now = new Date(2026, 0, 31, 15, 0, 0).getTime()

  it('shows only the time for today', () => {
    expect(messageTime(new Date(2026, 0, 31, 9, 5, 7).getTime(), now, 'en')).toBe('09:05:07')
  })

  it('says yesterday in the language', () => {
    const yesterday = new Date(2026, 0, 30, 23, 59, 1).getTime()
    expect(messageTime(yesterday, now, 'zh')).toBe('昨天 23:59:01')
    expect(messageTime(yesterday, now, 'en')).toBe('Yesterday 23:59:01')
  })

  it('adds the date for anything older', () => {
    expect(messageTime(new Date(2025, 11, 24, 8, 0, 0).getTime(), now, 'zh')).toBe(
      '2025/12/24 08:00:00'
    )
  })
})

describe('messageTime across a daylight-saving change (Europe/Berlin)', () => {
  beforeAll(() => {
    // Proof the zone took effect: 29 March 2026 lasts 23 hours there, 25 October 25.
    expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(-60)
    expect(new Date(2026, 2, 30, 12).getTimezoneOffset()).toBe(-120)
  })

  it('does not call the day before yesterday "yesterday" after a 23-hour day', () => {
    const now = new Date(2026, 2, 30, 10, 0, 0).getTime()
    expect(messageTime(new Date(2026, 2, 28, 23, 30, 0).getTime(), now, 'en')).toBe(
      '28/03/2026 23:30:00'
    )
    expect(messageTime(new Date(2026, 2, 29, 0, 30, 0).getTime(), now, 'en')).toBe(
      'Yesterday 00:30:00'
    )
  })

  it('calls all of a 25-hour day "yesterday"', () => {
    const now = new Date(2026, 9, 26, 10, 0, 0).getTime()
    expect(messageTime(new Date(2026, 9, 25, 0, 30, 0).getTime(), now, 'en')).toBe(
      'Yesterday 00:30:00'
    )
    expect(messageTime(new Date(2026, 9, 24, 23, 59, 0).getTime(), now, 'en')).toBe(
      '24/10/2026 23:59:00'
    )
  })
})
