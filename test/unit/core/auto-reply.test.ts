import { describe, expect, it } from 'vitest'
import { AUTO_REPLY_MARKER, autoReplyFor, isAutoReply } from '../../../src/core/auto-reply.ts'
import { DEFAULT_SETTINGS } from '../../../src/core/settings/defaults.ts'
import type { ChatMessage } from '../../../src/shared/model.ts'

const incoming: ChatMessage = {
  id: '1',
  peer: 10002,
  direction: 'in',
  text: 'hi',
  time: 0,
  state: 'received'
}
const on = { ...DEFAULT_SETTINGS, autoReply: { enabled: true, text: '我在开会' } }

describe('auto-reply', () => {
  it('answers an incoming text while busy, marked as automatic', () => {
    expect(autoReplyFor(incoming, 30, on)).toBe(`${AUTO_REPLY_MARKER}我在开会`)
  })

  it('is quiet when off, when not busy, for my own messages, and with no text', () => {
    expect(autoReplyFor(incoming, 30, DEFAULT_SETTINGS)).toBeUndefined()
    expect(autoReplyFor(incoming, 10, on)).toBeUndefined()
    expect(autoReplyFor(incoming, 40, on)).toBeUndefined()
    expect(autoReplyFor({ ...incoming, direction: 'out' }, 30, on)).toBeUndefined()
    expect(
      autoReplyFor(incoming, 30, { ...on, autoReply: { enabled: true, text: '  ' } })
    ).toBeUndefined()
  })

  it('never answers an automatic answer, so two busy clients cannot loop', () => {
    expect(
      autoReplyFor({ ...incoming, text: `${AUTO_REPLY_MARKER}我也在忙`, auto: true }, 30, on)
    ).toBeUndefined()
  })

  it('knows an automatic answer by its marker, with or without the space after it', () => {
    expect(isAutoReply(`${AUTO_REPLY_MARKER}我也在忙`)).toBe(true)
    expect(isAutoReply('[自动回复]我也在忙')).toBe(true)
    expect(isAutoReply('hi [自动回复]')).toBe(false)
    expect(isAutoReply('[自动')).toBe(false)
  })
})
