import { describe, expect, it } from 'vitest'
import { cleanProfile, PROFILE_FIELDS } from '../../../src/server/storage/profile.ts'

describe('cleanProfile', () => {
  it('keeps the GetInfo keys a profile holds, as text', () => {
    expect(cleanProfile({ AG: 19, PR: 'hi', NK: 'no', UN: 1, XX: 'no' })).toEqual({
      AG: '19',
      PR: 'hi'
    })
    expect(PROFILE_FIELDS).not.toContain('NK')
    expect(PROFILE_FIELDS).toHaveLength(22)
  })

  it('cannot be led to an object prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"AG": "1"}, "constructor": "x", "SX": "0"}'
    ) as Record<string, unknown>
    const profile = cleanProfile(hostile)
    expect(profile).toEqual({ SX: '0' })
    expect(Object.getPrototypeOf(profile)).toBe(null)
  })
})
