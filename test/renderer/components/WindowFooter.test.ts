import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import WindowFooter from '../../../src/renderer/src/components/WindowFooter.vue'

const show = (props: { error: string | null; notice?: string | null }) =>
  mount(WindowFooter, { props, slots: { default: '<button type="button">Export</button>' } })

describe('WindowFooter', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('says what went wrong before any notice, then the window’s buttons, then Close', () => {
    const footer = show({ error: 'Not connected', notice: 'Saved.' })
    expect(footer.find('[role="alert"]').text()).toBe('Not connected')
    expect(footer.find('[role="status"]').exists()).toBe(false)
    expect(footer.findAll('button').map((button) => button.text())).toEqual(['Export', 'Close'])
  })

  it('shows the notice when nothing went wrong, and keeps an empty alert line without one', () => {
    expect(show({ error: null, notice: 'Saved.' }).find('[role="status"]').text()).toBe('Saved.')
    const plain = show({ error: null })
    expect(plain.find('[role="alert"]').text()).toBe('')
    expect(plain.find('[role="status"]').exists()).toBe(false)
  })
})
