import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import OpenLinkDialog from '../../../src/renderer/src/components/OpenLinkDialog.vue'
import { linkTarget } from '../../../src/renderer/src/text/links.ts'

/** The confirmation for a link written as `text` in a message. */
const confirmFor = (text: string) =>
  mount(OpenLinkDialog, { props: { link: { text, href: linkTarget(text) ?? '' } } })

describe('OpenLinkDialog', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows the address readable and the real host on its own', () => {
    const dialog = confirmFor('https://www.baidu.com/s?wd=%E6%B5%8B%E8%AF%95%E4%B8%80%E4%B8%8B')
    expect(dialog.find('[data-testid="link-target"]').text()).toBe(
      'https://www.baidu.com/s?wd=测试一下'
    )
    expect(dialog.find('[data-testid="link-host"] strong').text()).toBe('www.baidu.com')
    expect(dialog.find('[data-testid="link-written-host"]').exists()).toBe(false)
  })

  it('names the host a user-name trick hides, and a look-alike name in both forms', () => {
    const trick = confirmFor('https://bank.example@evil.example/')
    expect(trick.find('[data-testid="link-host"] strong').text()).toBe('evil.example')
    const lookAlike = confirmFor('https://аpple.example/') // a Cyrillic "а"
    expect(lookAlike.find('[data-testid="link-host"] strong').text()).toMatch(/^xn--/)
    expect(lookAlike.find('[data-testid="link-written-host"]').text()).toContain('аpple.example')
  })
})
