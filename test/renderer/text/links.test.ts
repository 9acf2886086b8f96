import { describe, expect, it } from 'vitest'
import { linkTarget, splitLinks } from '../../../src/renderer/src/text/links.ts'

const links = (text: string): string[] =>
  splitLinks(text).flatMap((piece) =>
    piece.kind === 'link' ? [`${piece.text} -> ${piece.href}`] : []
  )

describe('splitLinks', () => {
  it('finds http, https and www addresses', () => {
    expect(links('see http://example.com/a?b=1 and https://x.org')).toEqual([
      'http://example.com/a?b=1 -> http://example.com/a?b=1',
      'https://x.org -> https://x.org/'
    ])
    expect(links('www.qq.com')).toEqual(['www.qq.com -> http://www.qq.com/'])
  })

  it('never links other schemes', () => {
    expect(links('javascript:alert(1)')).toEqual([])
    expect(links('JavaScript:alert(document.cookie)//http')).toEqual([])
    expect(links('data:text/html,<script>alert(1)</script> file:///etc/passwd')).toEqual([])
  })

  it('ends a link before closing punctuation, white space and Chinese punctuation', () => {
    expect(links('(see https://a.example/x).')).toEqual([
      'https://a.example/x -> https://a.example/x'
    ])
    expect(links('打开http://a.cn/p，谢谢')).toEqual(['http://a.cn/p -> http://a.cn/p'])
  })

  it('ends a link at a hidden character, which is never part of one', () => {
    expect(links('http://a.example/\u202Efdp.exe')).toEqual([
      'http://a.example/ -> http://a.example/'
    ])
  })

  it('joins back to the same text', () => {
    const text = 'a http://b.example c www.d.example, e'
    expect(
      splitLinks(text)
        .map((piece) => piece.text)
        .join('')
    ).toBe(text)
  })
})

describe('linkTarget', () => {
  it('accepts only http(s) addresses with a host', () => {
    expect(linkTarget('https://example.com/path')).toBe('https://example.com/path')
    expect(linkTarget('javascript:alert(1)')).toBeNull()
    expect(linkTarget('http://')).toBeNull()
    expect(linkTarget('not a link')).toBeNull()
  })
})
