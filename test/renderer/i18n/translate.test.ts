import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en.ts'
import { systemLanguage, translate } from '../../../src/renderer/src/i18n/translate.ts'
import { zh, type MessageKey } from '../../../src/renderer/src/i18n/zh.ts'
import { ERROR_CODES } from '../../../src/shared/errors.ts'

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()

describe('the dictionaries', () => {
  it('have the same placeholders in Chinese and English for every message', () => {
    for (const key of Object.keys(zh) as MessageKey[])
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]))
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
})

describe('translate', () => {
  it('fills placeholders as text and keeps unknown ones', () => {
    expect(translate('en', 'chat.title', { name: '<b>Bob</b>' })).toBe('Chatting with <b>Bob</b>')
    expect(translate('zh', 'chat.title')).toBe('与 {name} 聊天中')
    expect(translate('zh', 'buddies.unread', { count: 3 })).toBe('3 条未读消息')
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
