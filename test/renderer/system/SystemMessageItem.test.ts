import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import SystemMessageItem from '../../../src/renderer/src/system/SystemMessageItem.vue'
import type { SystemMessage } from '../../../src/shared/model.ts'

const NOW = new Date(2026, 0, 31, 12, 0, 0).getTime()
const show = (message: Partial<SystemMessage>) =>
  mount(SystemMessageItem, {
    props: {
      message: { id: 's1', kind: 'request', from: 10002, text: '', time: NOW, ...message },
      name: '<b>Bob</b>',
      face: 6,
      busy: false,
      now: NOW
    }
  })

describe('SystemMessageItem', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows a friend coming online as one line, with nothing to answer', () => {
    const item = show({ kind: 'online' })
    expect(item.attributes('data-kind')).toBe('online')
    expect(item.text()).toContain('<b>Bob</b> is online.')
    expect(item.find('b').exists()).toBe(false)
    expect(item.find('button').exists()).toBe(false)
  })

  it('offers to answer a request that has no answer yet', async () => {
    const item = show({ kind: 'request', text: 'it is Bob' })
    expect(item.find('.system-extra').text()).toBe('Message: it is Bob')
    await item.find('[data-testid="request-accept"]').trigger('click')
    expect(item.emitted('accept')).toHaveLength(1)
  })

  it("labels a refusal's reason and shows it as text", () => {
    const item = show({ kind: 'refused', text: '<i>no</i>' })
    expect(item.find('.system-extra').text()).toBe('Reason: <i>no</i>')
    expect(item.find('i').exists()).toBe(false)
  })
})
