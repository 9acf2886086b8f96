import { describe, expect, it } from 'vitest'
import { messageTime } from '../../../src/renderer/src/chat/time-format.ts'

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
