import { describe, expect, it } from 'vitest'
import { enterKeyOutcome, type KeyInput } from '../../../src/renderer/src/chat/send-key.ts'

const key = (overrides: Partial<KeyInput>): KeyInput => ({
  key: 'Enter',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  keyCode: 13,
  ...overrides
})

describe('enterKeyOutcome', () => {
  it('with the Enter setting: Enter sends, Ctrl+Enter is a new line', () => {
    expect(enterKeyOutcome(key({}), 'enter', false)).toBe('send')
    expect(enterKeyOutcome(key({ ctrlKey: true }), 'enter', false)).toBe('newline')
    expect(enterKeyOutcome(key({ metaKey: true }), 'enter', false)).toBe('newline')
  })

  it('with the Ctrl+Enter setting: Ctrl+Enter sends, Enter is the text box’s new line', () => {
    expect(enterKeyOutcome(key({ ctrlKey: true }), 'ctrl-enter', false)).toBe('send')
    expect(enterKeyOutcome(key({ metaKey: true }), 'ctrl-enter', false)).toBe('send')
    expect(enterKeyOutcome(key({}), 'ctrl-enter', false)).toBe('default')
  })

  it.each(['enter', 'ctrl-enter'] as const)(
    'never sends while an input method composes (%s)',
    (sendKey) => {
      for (const ctrlKey of [false, true]) {
        expect(enterKeyOutcome(key({ ctrlKey, isComposing: true }), sendKey, false)).toBe('default')
        expect(enterKeyOutcome(key({ ctrlKey, keyCode: 229 }), sendKey, false)).toBe('default')
        expect(enterKeyOutcome(key({ ctrlKey }), sendKey, true)).toBe('default')
      }
    }
  )

  it('leaves Shift+Enter and other keys to the text box', () => {
    expect(enterKeyOutcome(key({ shiftKey: true }), 'enter', false)).toBe('default')
    expect(enterKeyOutcome(key({ key: 'a', keyCode: 65 }), 'enter', false)).toBe('default')
  })
})
