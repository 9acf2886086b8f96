import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import MessageItem from '../../../src/renderer/src/chat/MessageItem.vue'
import { SHAKE_TEXT } from '../../../src/renderer/src/chat/shake.ts'
import type { ChatMessage } from '../../../src/shared/model.ts'

const NOW = new Date(2026, 0, 31, 12, 0, 0).getTime()
const message = (overrides: Partial<ChatMessage>): ChatMessage => ({
  id: 'm1',
  peer: 10002,
  direction: 'out',
  text: 'hello',
  time: NOW - 60_000,
  state: 'sent',
  ...overrides
})
const show = (overrides: Partial<ChatMessage>, waitSeconds: number | null = null) =>
  mount(MessageItem, {
    props: { message: message(overrides), peerName: '<b>Bob</b>', now: NOW, waitSeconds }
  })

describe('MessageItem', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows a pending message as being sent', () => {
    const item = show({ state: 'pending' })
    expect(item.find('[data-testid="chat-message-pending"]').exists()).toBe(true)
    expect(item.find('[data-testid="chat-message-retry"]').exists()).toBe(false)
  })

  it('shows a pending message that waits for its turn with the seconds left', () => {
    const item = show({ state: 'pending' }, 4)
    const pending = item.find('[data-testid="chat-message-pending"]')
    expect(pending.text()).toBe('waiting 4 s')
    expect(pending.find('.spinner').exists()).toBe(false)
  })

  it.each(['failed', 'unknown'] as const)(
    'offers to send a %s message again, saying why',
    async (state) => {
      const item = show({ state, error: 'PENALTY' })
      expect(item.attributes('data-state')).toBe(state)
      expect(item.find('.message-error').text()).toMatch(/20 seconds/)
      await item.find('[data-testid="chat-message-retry"]').trigger('click')
      expect(item.emitted('retry')).toEqual([['m1']])
    }
  )

  it('shows nothing extra for sent and received messages', () => {
    for (const state of ['sent', 'received'] as const) {
      const item = show({ state })
      expect(item.find('.message-state').exists()).toBe(false)
    }
  })

  it('names the author: me, or the friend as text', () => {
    expect(show({}).find('.message-author').text()).toBe('Me')
    const theirs = show({ direction: 'in', state: 'received' })
    expect(theirs.find('.message-author').text()).toBe('<b>Bob</b>')
    expect(theirs.find('.message-author b').exists()).toBe(false)
  })

  it('shows a window shake as a notice, not as text', () => {
    const item = show({ direction: 'in', state: 'received', text: SHAKE_TEXT })
    expect(item.classes()).toContain('shake-notice')
    expect(item.text()).toContain('<b>Bob</b> sent you a window shake.')
  })

  it('marks automatic replies, received or sent, and only those', () => {
    const tag = '[data-testid="auto-reply-tag"]'
    expect(show({ direction: 'in', auto: true }).find(tag).text()).toBe('auto-reply')
    expect(show({ auto: true }).find(tag).exists()).toBe(true)
    expect(show({ direction: 'in', text: '[自动回复] 我在开会' }).find(tag).exists()).toBe(false)
  })

  it('shows the tag instead of the marker an automatic reply starts with, either way', () => {
    const body = '.message-body'
    const received = show({ direction: 'in', auto: true, text: '[自动回复] 我在开会' })
    expect(received.find(body).text()).toBe('我在开会')
    expect(show({ auto: true, text: '[自动回复]忙 /wx' }).find(body).text()).toBe('忙')
    // Only a marked answer loses it: anyone may type the words.
    expect(show({ direction: 'in', text: '[自动回复] 我在开会' }).find(body).text()).toBe(
      '[自动回复] 我在开会'
    )
  })
})
