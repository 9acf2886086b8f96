import { describe, expect, it } from 'vitest'
import {
  BLOOD_TYPES,
  CONSTELLATIONS,
  describeProfileField,
  faceIdOf,
  faceImage,
  FACE_COUNT,
  GENDERS,
  PROFILE_FIELD_LABELS,
  PROFILE_KEYS_FULL,
  ZODIAC
} from '../../../../src/shared/protocol/index.ts'

describe('dictionaries', () => {
  it('names the seed tables in Chinese as the seed does', () => {
    expect(BLOOD_TYPES.map((b) => b.zh)).toEqual(['', 'A型', 'B型', 'O型', 'AB型', '其他'])
    expect(CONSTELLATIONS[6]).toEqual({ zh: '巨蟹座', en: 'Cancer' })
    expect(CONSTELLATIONS).toHaveLength(13)
    expect(ZODIAC[3]).toEqual({ zh: '虎', en: 'Tiger' })
    expect(ZODIAC).toHaveLength(13)
    expect(GENDERS.map((g) => g.zh)).toEqual(['男', '女'])
  })

  it('labels every GetInfo key in both languages', () => {
    for (const key of PROFILE_KEYS_FULL) {
      expect(PROFILE_FIELD_LABELS[key]?.zh).toBeTruthy()
      expect(PROFILE_FIELD_LABELS[key]?.en).toBeTruthy()
    }
  })

  it('describes coded fields by name and leaves the rest raw', () => {
    expect(describeProfileField('CO', '6', 'zh')).toBe('巨蟹座')
    expect(describeProfileField('SH', '3', 'en')).toBe('Tiger')
    expect(describeProfileField('BT', '9', 'en')).toBe('9')
    expect(describeProfileField('SX', 'x', 'zh')).toBe('x')
    expect(describeProfileField('CV', '\u0001', 'en')).toBe('\u0001')
  })
})

describe('faces (section 7)', () => {
  it('maps an id to picture ID/3+1 and its variant', () => {
    expect(faceImage(270)).toEqual({ image: 91, variant: 0 })
    expect(faceImage(0)).toEqual({ image: 1, variant: 0 })
    expect(faceImage(302)).toEqual({ image: 101, variant: 2 })
    expect(faceImage(4)).toEqual({ image: 2, variant: 1 })
  })

  it('falls back to the first picture for ids out of range', () => {
    expect(faceImage(303)).toEqual({ image: 1, variant: 0 })
    expect(faceImage(-3)).toEqual({ image: 1, variant: 0 })
    expect(faceImage(1.5)).toEqual({ image: 1, variant: 0 })
  })

  it('goes back from a picture to its id', () => {
    for (let image = 1; image <= FACE_COUNT; image++)
      expect(faceImage(faceIdOf(image)).image).toBe(image)
  })
})
