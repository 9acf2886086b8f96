import { element } from '../svg/svg.ts'

/** Emoticons are drawn on 24×24 and shown at text size: few, bold shapes. */
export const SIZE = 24
export const INK = '#4a3410'
const SKIN = '#ffd54a'
const RIM = '#b7791f'
export const RED = '#c62f3a'
export const BLUE = '#5aaeea'

export const line = {
  fill: 'none',
  stroke: INK,
  'stroke-width': 1.3,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round'
}
export const LEFT = 8.6
export const RIGHT = 15.4
export const EYE_Y = 10

export const head = (fill = SKIN): string =>
  element('circle', { cx: 12, cy: 12, r: 10.5, fill, stroke: RIM, 'stroke-width': 1 })

export const both = (draw: (x: number) => string[]): string[] => [...draw(LEFT), ...draw(RIGHT)]
