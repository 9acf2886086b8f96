import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FingerprintText from '../../../src/renderer/src/components/FingerprintText.vue'

const FINGERPRINT = Array.from({ length: 32 }, (_, index) =>
  index.toString(16).toUpperCase().padStart(2, '0')
).join(':')

describe('FingerprintText', () => {
  it('shows the 32 pairs in four lines of eight, and copies as exactly the fingerprint', () => {
    const text = mount(FingerprintText, { props: { fingerprint: FINGERPRINT, testId: 'fp' } })
    expect(text.findAll('.fingerprint-line').map((line) => line.text())).toEqual([
      '00:01:02:03:04:05:06:07:',
      '08:09:0A:0B:0C:0D:0E:0F:',
      '10:11:12:13:14:15:16:17:',
      '18:19:1A:1B:1C:1D:1E:1F'
    ])
    expect(text.find('[data-testid="fp"]').element.textContent).toBe(FINGERPRINT)
  })
})
