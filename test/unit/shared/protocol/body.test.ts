import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeBody,
  encodeBody,
  escapeValue,
  MAX_BODY_BYTES,
  unescapeValue
} from '../../../../src/shared/protocol/index.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)
/** Any Unicode text: astral characters, controls and the protocol's own delimiters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('&', '=', ',', '%', '+', '%2c', '\u0000', '\u007f', '\n', '😀', '好')
  }),
  fc.constant('')
)

describe('escaping (D-3)', () => {
  it('escapes exactly %, &, the comma and controls, in lower-case hex', () => {
    expect(escapeValue('100% & 1,2 = 3+4\u0001\u007f')).toBe('100%25 %26 1%2c2 = 3+4%01%7f')
  })

  it('reads escapes in either case and leaves a stray % alone', () => {
    expect(unescapeValue('%25%26%2c%2C')).toBe('%&,,')
    expect(unescapeValue('100%')).toBe('100%')
    expect(unescapeValue('%zz%4')).toBe('%zz%4')
  })

  it('reads a run of escapes as UTF-8 bytes', () => {
    expect(unescapeValue('%E5%A5%BD')).toBe('好')
  })

  it('reads + as a space only for form-encoded bodies', () => {
    expect(unescapeValue('a+b')).toBe('a+b')
    expect(unescapeValue('a+b', true)).toBe('a b')
  })

  it('encode then decode is the identity for any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(decodeBody(utf8(encodeBody([['MG', text]]))).text('MG')).toBe(text)
      }),
      { numRuns: 2000 }
    )
  })

  it('encode then decode is the identity for lists of any text', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 20 }), (items) => {
        expect(decodeBody(encodeBody([['NK', items]])).list('NK')).toEqual(items)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('lists', () => {
  it('follows every item with a comma and drops the empty last item', () => {
    expect(encodeBody([['UN', [3814526, 106814]]])).toBe('UN=3814526,106814,')
    expect(decodeBody('UN=3814526,106814,').numberList('UN')).toEqual([3814526, 106814])
  })

  it('writes an empty list as an empty value', () => {
    expect(encodeBody([['UN', []]])).toBe('UN=')
    expect(decodeBody('UN=').list('UN')).toEqual([])
  })

  it('keeps a comma inside an item', () => {
    expect(decodeBody(encodeBody([['MG', ['a,b', 'c']]])).list('MG')).toEqual(['a,b', 'c'])
  })
})

describe('numbers', () => {
  it('trims spaces around numbers', () => {
    expect(decodeBody('UIN= 10001 ').number('UIN')).toBe(10001)
  })

  it('rejects what is not a decimal number', () => {
    for (const value of ['abc', '-1', '1e3', '0x10', '', '99999999999999999999']) {
      expect(() => decodeBody(`UN=${value}`).number('UN')).toThrow(
        expect.objectContaining({ code: 'INVALID_NUMBER' })
      )
    }
  })
})

describe('malformed bodies (D-5)', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['a duplicate key', 'VER=1.1&UIN=1&UIN=2', 'DUPLICATE_KEY'],
    ['a pair without =', 'VER=1.1&CMD', 'MISSING_EQUALS'],
    ['invalid UTF-8', new Uint8Array([0x56, 0x3d, 0xff, 0xfe]), 'INVALID_UTF8'],
    ['escaped bytes that are not UTF-8', 'MG=%ff', 'INVALID_UTF8'],
    ['__proto__ as a key', '__proto__=1&VER=1.1', 'INVALID_KEY'],
    ['constructor as a key', 'constructor=1', 'INVALID_KEY'],
    ['a lower-case key', 'ver=1.1', 'INVALID_KEY'],
    ['a key of five characters', 'ABCDE=1', 'INVALID_KEY'],
    ['a key starting with a digit', '1A=1', 'INVALID_KEY'],
    ['an empty pair in the middle', 'A=1&&B=2', 'MISSING_EQUALS'],
    ['a body over 64 KiB', 'MG=' + 'x'.repeat(MAX_BODY_BYTES), 'BODY_TOO_LARGE']
  ]

  for (const [name, body, code] of cases) {
    it(`fails on ${name} with ${code}`, () => {
      expect(() => {
        const decoded = decodeBody(body)
        // Escapes are read on access: touch every value.
        for (const key of decoded.keys()) decoded.text(key)
      }).toThrow(expect.objectContaining({ code }))
    })
  }

  it('pollutes no prototype, whatever the keys', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, value) => {
        try {
          decodeBody(`${key}=${value}&__proto__=x&constructor=y`)
        } catch {
          // Malformed is fine; what matters is that nothing leaked.
        }
        expect(({} as Record<string, unknown>)['x']).toBeUndefined()
        expect(Object.prototype).not.toHaveProperty('polluted')
      })
    )
    expect(() => decodeBody('__proto__=polluted')).toThrow()
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('accepts the trailing & of the seed replies', () => {
    expect(decodeBody('RES=0&').keys()).toEqual(['RES'])
  })
})
