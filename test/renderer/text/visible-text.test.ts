import { describe, expect, it } from 'vitest'
import { splitHidden, visibleText } from '../../../src/renderer/src/text/visible-text.ts'

describe('visibleText', () => {
  it('labels a right-to-left override so "exe.txt" cannot read as "txt.exe"', () => {
    expect(visibleText('\u202Eexe.txt')).toBe('[RLO]exe.txt')
    expect(visibleText('photo\u202Egpj.exe')).toBe('photo[RLO]gpj.exe')
  })

  it('labels every bidi control and invisible character', () => {
    expect(visibleText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i')).toBe(
      'a[LRE]b[RLE]c[PDF]d[LRO]e[LRI]f[RLI]g[FSI]h[PDI]i'
    )
    expect(visibleText('\u200E\u200F\u061C\u200B\uFEFF\u2060')).toBe(
      '[LRM][RLM][ALM][ZWSP][BOM][WJ]'
    )
    expect(visibleText('bell\u0007 nul\u0000 del\u007F')).toBe(
      'bell[U+0007] nul[U+0000] del[U+007F]'
    )
  })

  it('keeps line breaks, tabs, emoji joiners and ordinary text of any script', () => {
    const text = 'line 1\nline\t2 👨\u200D👩\u200D👧 مرحبا שלום 你好'
    expect(visibleText(text)).toBe(text)
    expect(splitHidden(text)).toEqual([{ kind: 'text', text }])
  })

  it('keeps hostile markup as the text it is', () => {
    const text = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    expect(visibleText(text)).toBe(text)
  })

  it('gives each label its code point', () => {
    expect(splitHidden('\u202E')).toEqual([{ kind: 'control', label: 'RLO', codePoint: 'U+202E' }])
  })
})
