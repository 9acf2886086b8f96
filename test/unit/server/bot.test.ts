import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES } from '../../../src/shared/protocol/index.ts'
import { botAnswer, needsAnswer } from '../../../src/server/demo/bot.ts'
import { AUTO_REPLY_MARKER } from '../../../src/server/demo/demo-set.ts'

const BOT = 10086
const text = (text: string, from = 10001, type = 9) => ({ type, from, text })

describe('the demo bot', () => {
  it('answers with the auto-reply marker, a greeting and the text', () => {
    const answer = botAnswer('hello')
    expect(answer.startsWith(AUTO_REPLY_MARKER)).toBe(true)
    expect(answer).toMatch(/你好.*hello$/)
  })

  it('cuts a long text to fit one message, at a character boundary', () => {
    const answer = botAnswer('好'.repeat(600))
    expect(new TextEncoder().encode(answer).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
    expect(answer.endsWith('好…')).toBe(true)
  })

  it('answers people, never auto-replies, status messages or itself', () => {
    expect(needsAnswer(text('hi'), BOT)).toBe(true)
    expect(needsAnswer(text(`${AUTO_REPLY_MARKER} away`), BOT)).toBe(false)
    expect(needsAnswer(text(` ${AUTO_REPLY_MARKER}`), BOT)).toBe(false)
    expect(needsAnswer(text(botAnswer('x')), BOT)).toBe(false)
    expect(needsAnswer(text('10', 10001, 99), BOT)).toBe(false)
    expect(needsAnswer(text('hi', BOT), BOT)).toBe(false)
  })
})
