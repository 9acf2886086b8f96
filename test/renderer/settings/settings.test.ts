import { describe, expect, it } from 'vitest'
import { autoReplyPresets } from '../../../src/renderer/src/settings/auto-reply-presets.ts'
import {
  isServerAddress,
  pollIntervalMs
} from '../../../src/renderer/src/settings/settings-checks.ts'
import { historyFileName } from '../../../src/renderer/src/history/download.ts'

describe('isServerAddress', () => {
  it('accepts host:port with a name, an IPv4 or a bracketed IPv6 address', () => {
    for (const address of ['127.0.0.1:8000', 'qq.example.com:80', '[::1]:8000', 'localhost:65535'])
      expect(isServerAddress(address), address).toBe(true)
  })

  it('accepts the same behind https:// (TLS on the same port, D-27)', () => {
    for (const address of [
      'https://127.0.0.1:8000',
      'HTTPS://qq.example.com:443',
      'https://[::1]:8000'
    ])
      expect(isServerAddress(address), address).toBe(true)
  })

  it('refuses anything else', () => {
    for (const address of [
      '127.0.0.1',
      ':8000',
      'host:0',
      'host:65536',
      'http://host:80',
      'https://host',
      'https:/host:1',
      'a b:1'
    ])
      expect(isServerAddress(address), address).toBe(false)
  })
})

describe('pollIntervalMs', () => {
  it('turns 1 to 60 seconds into milliseconds', () => {
    expect(pollIntervalMs('2')).toBe(2000)
    expect(pollIntervalMs('1.5')).toBe(1500)
    expect(pollIntervalMs('0.5')).toBeNull()
    expect(pollIntervalMs('61')).toBeNull()
    expect(pollIntervalMs('abc')).toBeNull()
  })
})

describe('autoReplyPresets', () => {
  it('offers the presets in both languages, the current one first', () => {
    const zhFirst = autoReplyPresets('zh')
    expect(zhFirst).toHaveLength(6)
    expect(zhFirst[0]).toMatch(/[\u4e00-\u9fff]/)
    expect(zhFirst[5]).toMatch(/^[\x20-\x7e]+$/)
    expect(autoReplyPresets('en')).toEqual([...zhFirst.slice(3), ...zhFirst.slice(0, 3)])
  })
})

describe('historyFileName', () => {
  it('names the conversation and the day', () => {
    expect(historyFileName(10002, new Date(2026, 0, 5))).toBe('qq-history-10002-2026-01-05.txt')
    expect(historyFileName(null, new Date(2026, 10, 25))).toBe('qq-history-all-2026-11-25.txt')
  })
})
