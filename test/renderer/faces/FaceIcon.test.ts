import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FaceIcon from '../../../src/renderer/src/faces/FaceIcon.vue'
import { faceUrl } from '../../../src/renderer/src/faces/face-url.ts'

const PICTURES = import.meta.glob<string>('../../../resources/faces/*.svg', {
  eager: true,
  query: '?url&no-inline',
  import: 'default'
})
const picture = (number: string): string | undefined =>
  PICTURES[`../../../resources/faces/${number}.svg`]

describe('faceUrl', () => {
  it('shows picture FC / 3 + 1, as the seed saw FC=270 show 91.bmp', () => {
    expect(faceUrl(270)).toBe(picture('091'))
    expect(faceUrl(0)).toBe(picture('001'))
    expect(faceUrl(2)).toBe(picture('001'))
    expect(faceUrl(3)).toBe(picture('002'))
    expect(faceUrl(302)).toBe(picture('101'))
    expect(new Set([270, 0, 3, 302].map(faceUrl)).size).toBe(4)
  })

  it('falls back to face 1 for ids outside the set', () => {
    expect(faceUrl(303)).toBe(faceUrl(0))
    expect(faceUrl(-3)).toBe(faceUrl(0))
    expect(faceUrl(Number.NaN)).toBe(faceUrl(0))
  })
})

describe('FaceIcon', () => {
  const mountIcon = (status: 10 | 20 | 30 | 40) =>
    mount(FaceIcon, { props: { face: 27, status, label: 'Alice' } })

  it('shows the mapped picture, named for screen readers', () => {
    const icon = mountIcon(10)
    expect(icon.find('img').attributes('src')).toBe(faceUrl(27))
    expect(icon.attributes('role')).toBe('img')
    expect(icon.attributes('aria-label')).toBe('Alice')
    expect(icon.classes()).not.toContain('offline')
    expect(icon.find('.busy-badge').exists()).toBe(false)
  })

  it('greys offline friends, and invisible ones the same way', () => {
    expect(mountIcon(20).classes()).toContain('offline')
    expect(mountIcon(40).classes()).toContain('offline')
  })

  it('puts a badge on busy friends', () => {
    const icon = mountIcon(30)
    expect(icon.classes()).toContain('busy')
    expect(icon.find('.busy-badge').exists()).toBe(true)
  })

  it('is hidden from screen readers when the text beside it says who it is', () => {
    const icon = mount(FaceIcon, { props: { face: 0, label: '' } })
    expect(icon.attributes('aria-hidden')).toBe('true')
    expect(icon.attributes('role')).toBeUndefined()
  })
})
