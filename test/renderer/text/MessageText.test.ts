import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import MessageText from '../../../src/renderer/src/text/MessageText.vue'
import SafeText from '../../../src/renderer/src/text/SafeText.vue'

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)'
]

describe('MessageText', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it.each(HOSTILE)('shows %s as text, creating no element from it', (text) => {
    const view = mount(MessageText, { props: { text } })
    expect(view.text()).toBe(text)
    expect(view.findAll('img, script, a, iframe')).toHaveLength(0)
  })

  it('isolates its direction and labels a right-to-left override', () => {
    const view = mount(MessageText, { props: { text: '\u202Eexe.txt' } })
    expect(view.element.tagName).toBe('BDI')
    expect(view.find('.control-char').text()).toBe('RLO')
    expect(view.text()).toBe('RLOexe.txt')
    expect(view.html()).not.toContain('\u202E')
  })

  it('draws emoticons as pictures whose text is the shortcut', () => {
    const view = mount(MessageText, { props: { text: 'hi /wx' } })
    const picture = view.find('img.emoticon')
    expect(picture.attributes('alt')).toBe('/wx')
    expect(picture.attributes('src')).toBeTruthy()
  })

  it('shows an http link that only asks to be opened', async () => {
    const view = mount(MessageText, { props: { text: 'go https://example.com now' } })
    const link = view.find('a')
    expect(link.attributes('href')).toBe('https://example.com/')
    await link.trigger('click')
    expect(view.emitted('open-link')).toEqual([
      [{ text: 'https://example.com', href: 'https://example.com/' }]
    ])
  })

  it('keeps 10,000 characters without a space as one text node', () => {
    const text = 'W'.repeat(10_000)
    const view = mount(MessageText, { props: { text } })
    expect(view.text()).toBe(text)
    expect(view.classes()).toContain('message-text')
  })
})

describe('SafeText', () => {
  it('shows markup as text and labels hidden characters', () => {
    const view = mount(SafeText, { props: { text: '<b>x</b>\u202Etxt' } })
    expect(view.find('b').exists()).toBe(false)
    expect(view.text()).toBe('<b>x</b>RLOtxt')
  })
})
