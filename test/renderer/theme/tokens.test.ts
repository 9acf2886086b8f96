import { describe, expect, it } from 'vitest'
import { applyTheme, THEMES, type ThemeTokens } from '../../../src/renderer/src/theme/tokens.ts'

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}

const contrast = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

/** Every text colour on every background it is drawn on. */
const PAIRS: readonly (readonly [keyof ThemeTokens, keyof ThemeTokens])[] = [
  ['text', 'list-bg'],
  ['text', 'panel-bg'],
  ['text', 'group-bg'],
  ['text', 'hover'],
  ['text', 'selection'],
  ['text-secondary', 'list-bg'],
  ['text-secondary', 'panel-bg'],
  ['text-secondary', 'group-bg'],
  ['text-secondary', 'hover'],
  ['chrome-text', 'chrome-top'],
  ['chrome-text', 'chrome-bottom'],
  ['name-me', 'list-bg'],
  ['name-peer', 'list-bg'],
  ['name-peer', 'panel-bg'],
  ['link', 'list-bg'],
  ['accent-text', 'accent'],
  ['danger', 'list-bg'],
  ['danger', 'panel-bg'],
  // A menu's "delete" item, focused or under the mouse.
  ['danger', 'selection'],
  ['danger', 'hover'],
  ['badge-text', 'badge-bg'],
  ['control-text', 'control-bg']
]

describe.each(['light', 'dark'] as const)('the %s theme', (name) => {
  it.each(PAIRS)('draws %s on %s with WCAG AA contrast (4.5:1)', (foreground, background) => {
    const tokens = THEMES[name]
    expect(contrast(tokens[foreground], tokens[background])).toBeGreaterThanOrEqual(4.5)
  })

  it('is applied as CSS variables on the page', () => {
    const root = document.createElement('html')
    applyTheme(root, name)
    expect(root.dataset.theme).toBe(name)
    expect(root.style.getPropertyValue('--list-bg')).toBe(THEMES[name]['list-bg'])
  })
})
