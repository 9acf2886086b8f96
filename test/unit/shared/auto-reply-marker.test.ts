import { describe, expect, it } from 'vitest'
import { withoutAutoReplyMarker } from '../../../src/shared/auto-reply-marker.ts'

describe('withoutAutoReplyMarker', () => {
  it('drops the leading marker, with or without its space, and nothing else', () => {
    expect(withoutAutoReplyMarker('[自动回复] 我在开会')).toBe('我在开会')
    expect(withoutAutoReplyMarker('[自动回复]我在开会 [自动回复]')).toBe('我在开会 [自动回复]')
    expect(withoutAutoReplyMarker('hi [自动回复]')).toBe('hi [自动回复]')
  })
})
