import { describe, expect, it } from 'vitest'
import { CATALOGUES, isMessageKey } from '../../../../src/shared/i18n/catalogues.ts'
import {
  describeProfileField,
  profileFieldLabel,
  type Lookup
} from '../../../../src/shared/i18n/profile-words.ts'
import type { Language } from '../../../../src/shared/model.ts'
import { PROFILE_KEYS_FULL } from '../../../../src/shared/protocol/index.ts'

const words =
  (language: Language): Lookup =>
  (key) =>
    isMessageKey(key) ? CATALOGUES[language][key] : undefined
const zh = words('zh')
const en = words('en')
const names = (key: string, codes: number, lookup: Lookup): string[] =>
  Array.from({ length: codes }, (_, code) => describeProfileField(key, String(code), lookup))

describe('the profile’s words', () => {
  it('name the seed tables in Chinese as the seed does, 0 being not given', () => {
    expect(names('BT', 6, zh)).toEqual(['', 'A型', 'B型', 'O型', 'AB型', '其他'])
    expect(names('CO', 13, zh)[6]).toBe('巨蟹座')
    expect(names('CO', 13, en)[6]).toBe('Cancer')
    expect(names('SH', 13, zh)[3]).toBe('虎')
    expect(names('SH', 13, en).filter((name) => name !== '' && !/\d/.test(name))).toHaveLength(12)
    expect(names('SX', 2, zh)).toEqual(['男', '女'])
  })

  it('label every GetInfo key in both languages', () => {
    for (const key of PROFILE_KEYS_FULL) {
      expect(CATALOGUES.zh, key).toHaveProperty(`profileField.${key}`)
      expect(CATALOGUES.en, key).toHaveProperty(`profileField.${key}`)
    }
    expect(profileFieldLabel('NK', zh)).toBe('昵称')
    expect(profileFieldLabel('XX', en)).toBe('XX')
  })

  it('describe coded fields by name and leave the rest raw', () => {
    expect(describeProfileField('CO', '6', zh)).toBe('巨蟹座')
    expect(describeProfileField('SH', '3', en)).toBe('Tiger')
    expect(describeProfileField('BT', '9', en)).toBe('9')
    expect(describeProfileField('SX', 'x', zh)).toBe('x')
    expect(describeProfileField('SX', '2', zh)).toBe('2')
    expect(describeProfileField('CV', '\u0001', en)).toBe('\u0001')
    expect(describeProfileField('AG', '0', en)).toBe('0')
  })
})
