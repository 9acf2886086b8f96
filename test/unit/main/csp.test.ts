import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HEADER_CSP, PAGE_CSP } from '../../../src/serve/csp.ts'

const directives = (policy: string): Map<string, string> =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/)
        return [name, values.join(' ')]
      })
  )

describe('the content security policy', () => {
  it('allows scripts only from our origin, no plugins, no frames, no inline or eval', () => {
    const policy = directives(HEADER_CSP)
    expect(policy.get('script-src')).toBe("'self'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('frame-src')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(policy.get('base-uri')).toBe("'none'")
    expect(HEADER_CSP).not.toMatch(/unsafe-(inline|eval)|\*/)
  })

  it('is the same as the renderer page declares in its meta tag', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta, 'keep src/renderer/index.html and src/serve/csp.ts in step').toBe(PAGE_CSP)
    expect(HEADER_CSP.startsWith(PAGE_CSP)).toBe(true)
  })
})
