import { describe, expect, it } from 'vitest'
import { linkDisplay, readableAddress } from '../../../src/renderer/src/text/link-display.ts'
import { linkTarget } from '../../../src/renderer/src/text/links.ts'

/** What the confirmation shows for a link written as `text` in a message. */
const shown = (text: string) => linkDisplay(linkTarget(text) ?? '', text)

describe('readableAddress', () => {
  it('shows Chinese in a query as Chinese', () => {
    expect(readableAddress('https://www.baidu.com/s?q=%E6%B5%8B%E8%AF%95')).toBe(
      'https://www.baidu.com/s?q=测试'
    )
  })

  it('keeps escaped reserved characters escaped, so the structure reads as it is', () => {
    expect(readableAddress('https://a.example/x%2Fy%3Fz%23w%40v?k=%26')).toBe(
      'https://a.example/x%2Fy%3Fz%23w%40v?k=%26'
    )
  })

  it('leaves a malformed or incomplete escape as it is and decodes the rest', () => {
    expect(readableAddress('https://a.example/%E6%B5?q=%FF%E8%AF%95%zz%')).toBe(
      'https://a.example/%E6%B5?q=%FF试%zz%'
    )
    // An overlong encoding of "/" is not UTF-8.
    expect(readableAddress('https://a.example/%C0%AF')).toBe('https://a.example/%C0%AF')
  })

  it('keeps escaped what cannot be seen as itself: spaces, line breaks, controls, percent', () => {
    const hidden = 'https://a.example/?x=%20%0A%0D%00%E2%80%AE%E2%80%8B%E3%80%80%25%41'
    expect(readableAddress(hidden)).toBe(
      'https://a.example/?x=%20%0A%0D%00%E2%80%AE%E2%80%8B%E3%80%80%25A'
    )
  })
})

describe('linkDisplay', () => {
  it('names the host the parser sees, not a user name that looks like one', () => {
    expect(shown('https://bank.example@evil.example/login')).toEqual({
      address: 'https://bank.example@evil.example/login',
      host: 'evil.example',
      writtenHost: null
    })
    expect(shown('https://evil.example\\@bank.example/').host).toBe('evil.example')
  })

  it('shows an international name as the parser has it, and as written beside it', () => {
    const lookAlike = shown('http://bаnk.example/') // a Cyrillic "а"
    expect(lookAlike.host).toMatch(/^xn--/)
    expect(lookAlike.writtenHost).toBe('bаnk.example')
    expect(lookAlike.address).toBe(`http://${lookAlike.host}/`)
    expect(shown('https://Bücher.example:8080/x').writtenHost).toBe('bücher.example')
  })

  it('shows nothing beside a host written as the parser has it', () => {
    expect(shown('https://WWW.QQ.com/').writtenHost).toBeNull()
    expect(shown('www.qq.com')).toMatchObject({ host: 'www.qq.com', writtenHost: null })
    expect(shown('https://xn--bcher-kva.example/').writtenHost).toBeNull()
  })
})
