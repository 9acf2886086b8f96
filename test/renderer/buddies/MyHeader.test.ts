import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import MyHeader from '../../../src/renderer/src/buddies/MyHeader.vue'
import { useSessionStore } from '../../../src/renderer/src/stores/session.ts'

const NOW = 1_000_000

describe('MyHeader', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW })
    setActivePinia(createPinia())
    const session = useSessionStore()
    session.applySession({ phase: 'online', uin: 10001, status: 30 })
    session.applyMe({ uin: 10001, nick: 'me', face: 0 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows a status choice that waits for its turn, counting down, and takes another', async () => {
    const session = useSessionStore()
    const header = mount(MyHeader)
    const button = header.find('[data-testid="status-menu"]')
    expect(button.text()).toBe('Busy ▾')
    session.applyPacing({ messagesUntil: null, status: { status: 40, until: NOW + 2_500 } })
    await vi.advanceTimersByTimeAsync(0)
    expect(button.text()).toBe('Invisible, waiting 3 s ▾')
    expect(button.attributes('aria-label')).toBe('My status: Invisible, waiting 3 s')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(button.text()).toBe('Invisible, waiting 2 s ▾')
    // Not locked while it waits: the user may choose again, and the latest choice wins.
    expect(button.attributes('disabled')).toBeUndefined()
    session.applyPacing({ messagesUntil: null, status: null })
    session.applySession({ phase: 'online', uin: 10001, status: 40 })
    await vi.advanceTimersByTimeAsync(0)
    expect(button.text()).toBe('Invisible ▾')
  })

  it('shows a lock over TLS, a warning for a plain server elsewhere, nothing on loopback (D-27)', async () => {
    const session = useSessionStore()
    const header = mount(MyHeader)
    const marks = (): string[] =>
      header
        .findAll('[data-testid^="connection-"]')
        .map((mark) => mark.attributes('data-testid') ?? '')
    expect(marks()).toEqual([])
    session.applySession({ phase: 'online', uin: 10001, status: 10, secure: true, local: false })
    await nextTick()
    expect(marks()).toEqual(['connection-secure'])
    const lock = header.find('[data-testid="connection-secure"]')
    expect(lock.attributes('role')).toBe('img')
    expect(lock.attributes('aria-label')).toBe('Connection encrypted')
    session.applySession({ phase: 'online', uin: 10001, status: 10, secure: false, local: false })
    await nextTick()
    expect(marks()).toEqual(['connection-plain'])
    expect(header.find('[data-testid="connection-plain"]').attributes('title')).toMatch(
      /password and messages cross the network as plain text/
    )
    session.applySession({ phase: 'online', uin: 10001, status: 10, secure: false, local: true })
    await nextTick()
    expect(marks()).toEqual([])
  })
})
