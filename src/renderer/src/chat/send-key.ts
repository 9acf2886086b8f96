import type { SendKey } from '../../../shared/model.ts'

export type EnterKeyOutcome = 'send' | 'newline' | 'default'

export type KeyInput = Pick<
  KeyboardEvent,
  'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing' | 'keyCode'
>

/**
 * What Enter does in the message box. While an input method is composing (Chinese
 * pinyin, Japanese…), Enter belongs to it and never sends: the browser says so with
 * `isComposing` or key code 229, and `composing` covers browsers that end the composition
 * just before the Enter that confirmed it. Otherwise the setting decides: with `enter`,
 * Enter sends and Ctrl+Enter starts a new line; with `ctrl-enter`, the other way round.
 * Shift+Enter is always a new line (the text box's own behaviour).
 */
export function enterKeyOutcome(
  input: KeyInput,
  sendKey: SendKey,
  composing: boolean
): EnterKeyOutcome {
  if (input.key !== 'Enter') return 'default'
  if (composing || input.isComposing || input.keyCode === 229) return 'default'
  if (input.shiftKey || input.altKey) return 'default'
  const withCtrl = input.ctrlKey || input.metaKey
  if (sendKey === 'enter') return withCtrl ? 'newline' : 'send'
  return withCtrl ? 'send' : 'default'
}
