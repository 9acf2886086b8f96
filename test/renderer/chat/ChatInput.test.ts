import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ChatInput from '../../../src/renderer/src/chat/ChatInput.vue'

const mountInput = (sendKey: 'enter' | 'ctrl-enter', text = 'ni hao') =>
  mount(ChatInput, {
    props: {
      sendKey,
      modelValue: text,
      'onUpdate:modelValue': (value: string) => input?.setProps({ modelValue: value })
    },
    attachTo: document.body
  })
let input: ReturnType<typeof mountInput> | undefined
const open = (sendKey: 'enter' | 'ctrl-enter', text?: string) => {
  input = mountInput(sendKey, text)
  return input
}
const box = () => input?.find('[data-testid="chat-input"]')
const lastModel = () => input?.emitted('update:modelValue')?.at(-1)?.[0]

/** Puts the caret in the box's text node `index`, `offset` characters in. */
function caretAt(index: number, offset: number): void {
  const node = box()?.element.childNodes[index]
  if (node) document.getSelection()?.collapse(node, offset)
}

describe('ChatInput', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => input?.unmount())

  it('sends on Enter with the Enter setting', async () => {
    open('enter')
    await box()?.trigger('keydown', { key: 'Enter' })
    expect(input?.emitted('send')).toHaveLength(1)
  })

  it('does not send the Enter that confirms an input method’s composition', async () => {
    open('enter')
    await box()?.trigger('compositionstart')
    await box()?.trigger('keydown', { key: 'Enter', isComposing: true, keyCode: 229 })
    await box()?.trigger('compositionend')
    // Some browsers deliver the confirming Enter after compositionend, unflagged.
    await box()?.trigger('keydown', { key: 'Enter' })
    expect(input?.emitted('send')).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 5))
    await box()?.trigger('keydown', { key: 'Enter' })
    expect(input?.emitted('send')).toHaveLength(1)
  })

  it('sends on Ctrl+Enter with that setting and lets Enter make a new line', async () => {
    open('ctrl-enter')
    await box()?.trigger('keydown', { key: 'Enter' })
    expect(input?.emitted('send')).toBeUndefined()
    await box()?.trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(input?.emitted('send')).toHaveLength(1)
  })

  it('puts a new line at the cursor on Ctrl+Enter with the Enter setting', async () => {
    open('enter', 'ab')
    caretAt(0, 1)
    await box()?.trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(lastModel()).toBe('a\nb')
    expect(input?.emitted('send')).toBeUndefined()
  })

  it('keeps a new line typed at the end, and shows its empty line', async () => {
    open('enter', 'ab')
    caretAt(0, 2)
    await box()?.trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(lastModel()).toBe('ab\n')
    expect(box()?.element.textContent).toBe('ab\n\n')
  })

  it('shows emoticon shortcuts as pictures, and keeps the shortcuts in the text', () => {
    open('enter', '你好 /wx!')
    const picture = box()?.find('img.emoticon')
    expect(picture?.attributes('alt')).toBe('/wx')
    expect(picture?.attributes('src')).toBeTruthy()
    expect(box()?.text()).toBe('你好 !')
  })

  it('puts a picked emoticon at the caret as a picture, and its shortcut in the text', async () => {
    open('enter', 'ab')
    caretAt(0, 1)
    ;(input?.vm as unknown as { insert(piece: string): void }).insert('/mg')
    expect(lastModel()).toBe('a/mgb')
    expect(
      box()
        ?.findAll('img.emoticon')
        .map((img) => img.attributes('alt'))
    ).toEqual(['/mg'])
    expect(box()?.text()).toBe('ab')
  })

  it('reads what the user typed, pictures as their shortcuts', async () => {
    open('enter', '/wx')
    box()?.element.append(document.createTextNode(' ok'))
    await box()?.trigger('input')
    expect(lastModel()).toBe('/wx ok')
  })

  it('clears and refills the box when the text changes outside (sent, then restored)', async () => {
    open('enter', 'hi /wx')
    await input?.setProps({ modelValue: '' })
    expect(box()?.element.childNodes).toHaveLength(0)
    expect(box()?.classes()).toContain('empty')
    await input?.setProps({ modelValue: 'hi /wx' })
    expect(box()?.find('img.emoticon').attributes('alt')).toBe('/wx')
  })

  it('pastes only plain text, never markup', async () => {
    open('enter', '')
    const data = new DataTransfer()
    data.setData('text/html', '<img src=x onerror="alert(1)"><b>bold</b>')
    data.setData('text/plain', '<b>bold</b> /wx')
    box()?.element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    )
    expect(lastModel()).toBe('<b>bold</b> /wx')
    expect(box()?.findAll('b')).toHaveLength(0)
    expect(
      box()
        ?.findAll('img')
        .map((img) => img.attributes('alt'))
    ).toEqual(['/wx'])
  })

  it('copies pictures as their shortcuts', () => {
    open('enter', 'a /wx b')
    const range = document.createRange()
    const element = box()?.element
    if (element) range.selectNodeContents(element)
    document.getSelection()?.removeAllRanges()
    document.getSelection()?.addRange(range)
    const data = new DataTransfer()
    element?.dispatchEvent(
      new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true })
    )
    expect(data.getData('text/plain')).toBe('a /wx b')
  })
})
