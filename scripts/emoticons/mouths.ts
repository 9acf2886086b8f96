import { element } from '../svg/svg.ts'
import { INK, line } from './parts.ts'

/** Where mouths sit: below the eyes, above the chin. */
const MOUTH_Y = 15.5
export const MOUTHS = {
  smile: () => [
    element('path', { d: `M8 ${MOUTH_Y - 0.5} Q12 ${MOUTH_Y + 3.5} 16 ${MOUTH_Y - 0.5}`, ...line })
  ],
  grin: () => [
    element('path', {
      d: `M7 ${MOUTH_Y - 1} Q12 ${MOUTH_Y + 6} 17 ${MOUTH_Y - 1} Z`,
      fill: '#8c1d2a',
      stroke: INK,
      'stroke-width': 1,
      'stroke-linejoin': 'round'
    }),
    element('path', {
      d: `M8.2 ${MOUTH_Y - 0.4} L15.8 ${MOUTH_Y - 0.4} L15 ${MOUTH_Y + 1} L9 ${MOUTH_Y + 1} Z`,
      fill: '#ffffff'
    })
  ],
  open: () => [
    element('path', {
      d: `M8.5 ${MOUTH_Y} Q12 ${MOUTH_Y + 5} 15.5 ${MOUTH_Y} Z`,
      fill: '#8c1d2a',
      stroke: INK,
      'stroke-width': 1,
      'stroke-linejoin': 'round'
    })
  ],
  frown: () => [
    element('path', { d: `M8.5 ${MOUTH_Y + 2} Q12 ${MOUTH_Y - 1.2} 15.5 ${MOUTH_Y + 2}`, ...line })
  ],
  o: () => [
    element('ellipse', {
      cx: 12,
      cy: MOUTH_Y + 1,
      rx: 1.8,
      ry: 2.2,
      fill: '#8c1d2a',
      stroke: INK,
      'stroke-width': 0.9
    })
  ],
  small: () => [element('circle', { cx: 12, cy: MOUTH_Y + 1, r: 0.9, fill: INK })],
  flat: () => [element('path', { d: `M9 ${MOUTH_Y + 1} L15 ${MOUTH_Y + 1}`, ...line })],
  wavy: () => [
    element('path', {
      d: `M7.5 ${MOUTH_Y + 1} Q9 ${MOUTH_Y - 0.5} 10.5 ${MOUTH_Y + 1} Q12 ${MOUTH_Y + 2.5} 13.5 ${MOUTH_Y + 1} Q15 ${MOUTH_Y - 0.5} 16.5 ${MOUTH_Y + 1}`,
      ...line
    })
  ],
  pout: () => [
    element('path', { d: `M8.5 ${MOUTH_Y + 1.8} Q11 ${MOUTH_Y} 15.5 ${MOUTH_Y + 1}`, ...line })
  ],
  smirk: () => [
    element('path', {
      d: `M8.5 ${MOUTH_Y + 1} Q13 ${MOUTH_Y + 2.5} 15.8 ${MOUTH_Y - 0.6}`,
      ...line
    })
  ],
  tongue: () => [
    element('path', {
      d: `M10 ${MOUTH_Y + 1.2} Q10.4 ${MOUTH_Y + 5} 12.4 ${MOUTH_Y + 4.6} Q14.4 ${MOUTH_Y + 4.4} 14 ${MOUTH_Y + 1.2} Z`,
      fill: '#f06a7a',
      stroke: INK,
      'stroke-width': 0.8
    }),
    element('path', { d: `M8 ${MOUTH_Y} Q12 ${MOUTH_Y + 2.6} 16 ${MOUTH_Y}`, ...line })
  ],
  zip: () => [
    element('path', { d: `M7.5 ${MOUTH_Y + 1} L16.5 ${MOUTH_Y + 1}`, ...line }),
    element('path', {
      d: `M9 ${MOUTH_Y} V${MOUTH_Y + 2} M11 ${MOUTH_Y} V${MOUTH_Y + 2} M13 ${MOUTH_Y} V${MOUTH_Y + 2} M15 ${MOUTH_Y} V${MOUTH_Y + 2}`,
      ...line,
      'stroke-width': 0.8
    })
  ],
  wail: () => [
    element('path', {
      d: `M8 ${MOUTH_Y + 4} Q8 ${MOUTH_Y - 1} 12 ${MOUTH_Y - 1} Q16 ${MOUTH_Y - 1} 16 ${MOUTH_Y + 4} Z`,
      fill: '#8c1d2a',
      stroke: INK,
      'stroke-width': 1,
      'stroke-linejoin': 'round'
    })
  ],
  none: () => []
} satisfies Record<string, () => string[]>

export type MouthStyle = keyof typeof MOUTHS
