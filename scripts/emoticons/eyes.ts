import { element } from '../svg/svg.ts'
import { both, EYE_Y, INK, LEFT, line, RED, RIGHT } from './parts.ts'

/** The eyes an expression can have, drawn at both eye positions. */
export const EYES = {
  dot: () => both((x) => [element('ellipse', { cx: x, cy: EYE_Y, rx: 1.2, ry: 1.6, fill: INK })]),
  happy: () =>
    both((x) => [
      element('path', {
        d: `M${x - 1.8} ${EYE_Y + 0.8} Q${x} ${EYE_Y - 1.6} ${x + 1.8} ${EYE_Y + 0.8}`,
        ...line
      })
    ]),
  closed: () =>
    both((x) => [
      element('path', {
        d: `M${x - 1.8} ${EYE_Y} Q${x} ${EYE_Y + 1.4} ${x + 1.8} ${EYE_Y}`,
        ...line
      })
    ]),
  flat: () =>
    both((x) => [element('path', { d: `M${x - 1.8} ${EYE_Y} L${x + 1.8} ${EYE_Y}`, ...line })]),
  squint: () => [
    element('path', {
      d: `M${LEFT - 1.6} ${EYE_Y - 1.4} L${LEFT + 1.2} ${EYE_Y} L${LEFT - 1.6} ${EYE_Y + 1.4}`,
      ...line
    }),
    element('path', {
      d: `M${RIGHT + 1.6} ${EYE_Y - 1.4} L${RIGHT - 1.2} ${EYE_Y} L${RIGHT + 1.6} ${EYE_Y + 1.4}`,
      ...line
    })
  ],
  wide: () =>
    both((x) => [
      element('circle', {
        cx: x,
        cy: EYE_Y,
        r: 2.3,
        fill: '#ffffff',
        stroke: INK,
        'stroke-width': 0.9
      }),
      element('circle', { cx: x, cy: EYE_Y, r: 1, fill: INK })
    ]),
  up: () =>
    both((x) => [
      element('circle', {
        cx: x,
        cy: EYE_Y,
        r: 2.3,
        fill: '#ffffff',
        stroke: INK,
        'stroke-width': 0.9
      }),
      element('circle', { cx: x + 0.4, cy: EYE_Y - 1.1, r: 1, fill: INK })
    ]),
  side: () =>
    both((x) => [
      element('path', {
        d: `M${x - 1.8} ${EYE_Y + 0.6} Q${x} ${EYE_Y - 1.4} ${x + 1.8} ${EYE_Y + 0.6} Z`,
        fill: '#ffffff',
        stroke: INK,
        'stroke-width': 0.9
      }),
      element('circle', { cx: x + 1, cy: EYE_Y - 0.1, r: 0.7, fill: INK })
    ]),
  hearts: () =>
    both((x) => [
      element('path', {
        d: `M${x} ${EYE_Y + 2} L${x - 2.2} ${EYE_Y - 0.2} A1.1 1.1 0 0 1 ${x} ${EYE_Y - 1.6} A1.1 1.1 0 0 1 ${x + 2.2} ${EYE_Y - 0.2} Z`,
        fill: RED
      })
    ]),
  spiral: () =>
    both((x) => [
      element('path', {
        d: `M${x} ${EYE_Y} a0.6 0.6 0 1 1 0.9 0.4 a1.3 1.3 0 1 1 -1.9 -1.3 a2 2 0 1 1 -0.4 2.6`,
        ...line,
        'stroke-width': 0.9
      })
    ]),
  sad: () => [
    ...both((x) => [element('ellipse', { cx: x, cy: EYE_Y + 0.4, rx: 1.1, ry: 1.4, fill: INK })]),
    element('path', {
      d: `M${LEFT - 2} ${EYE_Y - 2.6} L${LEFT + 1.4} ${EYE_Y - 3.6} M${RIGHT + 2} ${EYE_Y - 2.6} L${RIGHT - 1.4} ${EYE_Y - 3.6}`,
      ...line,
      'stroke-width': 1
    })
  ],
  angry: () => [
    ...both((x) => [element('ellipse', { cx: x, cy: EYE_Y + 0.6, rx: 1.1, ry: 1.4, fill: INK })]),
    element('path', {
      d: `M${LEFT - 2} ${EYE_Y - 3.2} L${LEFT + 1.6} ${EYE_Y - 1.6} M${RIGHT + 2} ${EYE_Y - 3.2} L${RIGHT - 1.6} ${EYE_Y - 1.6}`,
      ...line,
      'stroke-width': 1.2
    })
  ],
  wink: () => [
    element('ellipse', { cx: LEFT, cy: EYE_Y, rx: 1.2, ry: 1.6, fill: INK }),
    element('path', {
      d: `M${RIGHT - 1.8} ${EYE_Y + 0.8} Q${RIGHT} ${EYE_Y - 1.6} ${RIGHT + 1.8} ${EYE_Y + 0.8}`,
      ...line
    })
  ],
  haughty: () => [
    ...both((x) => [element('path', { d: `M${x - 1.8} ${EYE_Y} L${x + 1.8} ${EYE_Y}`, ...line })]),
    ...both((x) => [element('circle', { cx: x + 1, cy: EYE_Y + 1, r: 0.8, fill: INK })])
  ],
  shades: () => [
    element('path', {
      d: 'M3.5 8 L11 8 L10.4 11.4 Q7.2 13 4.4 11.4 Z M13 8 L20.5 8 L19.6 11.4 Q16.8 13 13.6 11.4 Z',
      fill: '#1f2430'
    }),
    element('path', { d: 'M11 8.6 L13 8.6', ...line, 'stroke-width': 1 }),
    element('path', {
      d: 'M5 9 L7 9',
      stroke: '#ffffff',
      'stroke-width': 0.8,
      'stroke-linecap': 'round'
    })
  ]
} satisfies Record<string, () => string[]>

export type EyeStyle = keyof typeof EYES
