import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import ChatInput from '../../../src/renderer/src/chat/ChatInput.vue'

const mountInput = (sendKey: 'enter' | 'ctrl-enter', text = 'ni hao') =>
  mount(ChatInput, { props: { sendKey, modelValue: text }, attachTo: document.body })

describe('ChatInput', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('sends on Enter with the Enter setting', async () => {
    const input = mountInput('enter')
    await input.find('textarea').trigger('keydown', { key: 'Enter' })
    expect(input.emitted('send')).toHaveLength(1)
  })

  it('does not send the Enter that confirms an input method’s composition', async () => {
    const input = mountInput('enter')
    const box = input.find('textarea')
    await box.trigger('compositionstart')
    await box.trigger('keydown', { key: 'Enter', isComposing: true, keyCode: 229 })
    await box.trigger('compositionend')
    // Some browsers deliver the confirming Enter after compositionend, unflagged.
    await box.trigger('keydown', { key: 'Enter' })
    expect(input.emitted('send')).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 5))
    await box.trigger('keydown', { key: 'Enter' })
    expect(input.emitted('send')).toHaveLength(1)
  })

  it('sends on Ctrl+Enter with that setting and lets Enter make a new line', async () => {
    const input = mountInput('ctrl-enter')
    const box = input.find('textarea')
    await box.trigger('keydown', { key: 'Enter' })
    expect(input.emitted('send')).toBeUndefined()
    await box.trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(input.emitted('send')).toHaveLength(1)
  })

  it('puts a new line at the cursor on Ctrl+Enter with the Enter setting', async () => {
    const input = mountInput('enter', 'ab')
    const box = input.find('textarea').element
    box.setSelectionRange(1, 1)
    await input.find('textarea').trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(input.emitted('update:modelValue')?.at(-1)).toEqual(['a\nb'])
    expect(input.emitted('send')).toBeUndefined()
  })
})
