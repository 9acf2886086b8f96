import { describe, expect, it } from 'vitest'
import { normaliseFingerprint } from '../../../src/shared/fingerprint.ts'

const PAIRS =
  'AB:01:CD:23:EF:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89'

describe('certificate fingerprints', () => {
  it.each([
    ['upper-case pairs', PAIRS],
    ['lower-case pairs', PAIRS.toLowerCase()],
    ['bare hex', PAIRS.replaceAll(':', '')],
    ['bare lower-case hex with spaces around', ` ${PAIRS.replaceAll(':', '').toLowerCase()} `]
  ])('reads %s as upper-case pairs', (_, text) => {
    expect(normaliseFingerprint(text)).toBe(PAIRS)
  })

  it.each([
    ['empty', ''],
    ['too short', PAIRS.slice(3)],
    ['too long', `${PAIRS}:00`],
    ['not hex', PAIRS.replace('AB', 'XY')],
    ['pairs run together in places', PAIRS.replace('AB:01', 'AB01')],
    ['another separator', PAIRS.replaceAll(':', '-')],
    ['a SHA-1 fingerprint', PAIRS.slice(0, 59)]
  ])('refuses %s', (_, text) => {
    expect(normaliseFingerprint(text)).toBeUndefined()
  })
})
