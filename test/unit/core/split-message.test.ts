import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitMessage } from '../../../src/core/split-message.ts'

const bytes = (text: string) => new TextEncoder().encode(text).length

describe('splitting long messages', () => {
  it('leaves a message of up to 1,500 bytes whole', () => {
    expect(splitMessage('好'.repeat(500))).toEqual(['好'.repeat(500)])
  })

  it('splits 501 three-byte characters into 500 and 1', () => {
    expect(splitMessage('好'.repeat(501))).toEqual(['好'.repeat(500), '好'])
  })

  it('keeps an emoji with its modifiers whole across the boundary', () => {
    const family = '👨‍👩‍👧‍👦' // 25 bytes
    const text = 'a'.repeat(1_490) + family
    expect(splitMessage(text)).toEqual(['a'.repeat(1_490), family])
  })

  it('any text: the parts join to it, each fits, none is empty, and no character is cut', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 1_000 }),
        fc.integer({ min: 4, max: 1_500 }),
        (text, max) => {
          const parts = splitMessage(text, max)
          expect(parts.join('')).toBe(text)
          for (const part of parts) {
            expect(bytes(part)).toBeLessThanOrEqual(Math.max(max, 4))
            if (text !== '') expect(part).not.toBe('')
            // Half of a surrogate pair makes encodeURIComponent throw.
            expect(() => encodeURIComponent(part)).not.toThrow()
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})
