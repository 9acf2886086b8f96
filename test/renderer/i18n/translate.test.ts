import { compile } from '@intlify/core-base'
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/shared/i18n/en.ts'
import { zh, type MessageKey } from '../../../src/shared/i18n/zh.ts'
import { systemLanguage, translate } from '../../../src/renderer/src/i18n/translate.ts'
import { ERROR_CODES } from '../../../src/shared/errors.ts'

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort()
const keys = Object.keys(zh) as MessageKey[]
const counted = keys.filter((key) => placeholders(zh[key]).includes('count'))

describe('the catalogues', () => {
  it('have the same placeholders in Chinese and English for every message', () => {
    for (const key of keys) expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]))
  })

  it('word every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(zh, code).toHaveProperty(`error.${code}`)
      expect(en, code).toHaveProperty(`error.${code}`)
    }
  })

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)])
      expect(text, key).not.toBe('')
  })

  it('are valid vue-i18n messages (no stray @, | or braces)', () => {
    for (const [locale, catalogue] of Object.entries({ zh, en }))
      for (const [key, text] of Object.entries(catalogue)) {
        const errors: string[] = []
        compile(text, { key, locale, onError: (error) => void errors.push(error.message) })
        expect(errors, `${key}: ${text}`).toEqual([])
      }
  })

  it('give every English message with a count a singular and a plural form', () => {
    expect(counted.length).toBeGreaterThan(3)
    for (const key of counted) {
      expect(en[key].split(' | '), key).toHaveLength(2)
      expect(translate('en', key, { count: 1 }), key).not.toBe(translate('en', key, { count: 2 }))
    }
  })

  it('give every Chinese message one form, as Chinese has', () => {
    for (const key of keys) expect(zh[key], key).not.toContain('|')
  })
})

describe('translate', () => {
  it('fills placeholders as text, not markup, and keeps the ones left out', () => {
    expect(translate('en', 'chat.title', { name: '<b>Bob</b>' })).toBe('Chatting with <b>Bob</b>')
    expect(translate('zh', 'chat.title', { name: 'Bob' })).toBe('与 Bob 聊天中')
    expect(translate('zh', 'chat.title')).toBe('与 {name} 聊天中')
    expect(translate('en', 'buddies.groupLabel', { online: 1, count: 2 })).toBe(
      '{name}, 1 of 2 friends online'
    )
  })

  it('counts in English with one and many, in Chinese with one form', () => {
    expect(translate('en', 'buddies.unread', { count: 1 })).toBe('1 unread message')
    expect(translate('en', 'buddies.unread', { count: 2 })).toBe('2 unread messages')
    expect(translate('en', 'buddies.unread', { count: 0 })).toBe('0 unread messages')
    expect(translate('zh', 'buddies.unread', { count: 1 })).toBe('1 条未读消息')
    expect(translate('zh', 'buddies.unread', { count: 3 })).toBe('3 条未读消息')
    expect(translate('en', 'buddies.systemMessagesCount', { count: 1 })).toBe(
      'System messages (1 request waiting)'
    )
    expect(translate('en', 'buddies.groupLabel', { name: 'Work', online: 0, count: 1 })).toBe(
      'Work, 0 of 1 friend online'
    )
  })
})

describe('systemLanguage', () => {
  it('takes the first of the system’s languages that we have', () => {
    expect(systemLanguage(['zh-CN', 'en'])).toBe('zh')
    expect(systemLanguage(['zh-TW'])).toBe('zh')
    expect(systemLanguage(['en-US', 'zh-CN'])).toBe('en')
    expect(systemLanguage(['fr-FR', 'zh-CN'])).toBe('zh')
    expect(systemLanguage(['fr-FR'])).toBe('en')
    expect(systemLanguage([])).toBe('en')
  })
})
