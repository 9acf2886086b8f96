import { element } from '../svg/svg.ts'
import { BLUE, INK, RED } from './parts.ts'

/** Tears, sweat, marks and hands that finish an expression. */
export const EXTRAS = {
  blush: () =>
    [8, 16].map((x) =>
      element('ellipse', {
        cx: x - (x === 8 ? 2.5 : -2.5),
        cy: 13.4,
        rx: 1.8,
        ry: 1,
        fill: '#f2788a',
        opacity: 0.7
      })
    ),
  tear: () => [
    element('path', { d: 'M16.6 12 Q15.4 14.4 16.6 15.4 Q17.8 14.4 16.6 12 Z', fill: BLUE })
  ],
  streams: () => [
    element('path', {
      d: 'M7.4 11.5 L7.4 19 M16.6 11.5 L16.6 19',
      fill: 'none',
      stroke: BLUE,
      'stroke-width': 1.8,
      'stroke-linecap': 'round'
    })
  ],
  sweat: () => [
    element('path', {
      d: 'M19 3.5 Q17.2 6.8 19 8 Q20.8 6.8 19 3.5 Z',
      fill: BLUE,
      stroke: '#2f7fbf',
      'stroke-width': 0.5
    })
  ],
  gloom: () => [
    element('path', {
      d: 'M7 3.8 V7 M10 3 V6.6 M13 3 V6.6 M16 3.8 V7',
      stroke: '#5b4b8a',
      'stroke-width': 1,
      'stroke-linecap': 'round'
    })
  ],
  anger: () => [
    element('path', {
      d: 'M17.5 3 Q18.5 5 20.5 5.2 M17.5 7 Q18.5 5 20.5 4.8 M21.5 3 Q20.5 5 18.5 5.2 M21.5 7 Q20.5 5 18.5 4.8',
      fill: 'none',
      stroke: RED,
      'stroke-width': 1.1,
      'stroke-linecap': 'round'
    })
  ],
  zzz: () => [
    element('path', {
      d: 'M16.5 2 H19.5 L16.5 5 H19.5 M20.2 5.5 H22 L20.2 7.5 H22',
      fill: 'none',
      stroke: '#3b6fb6',
      'stroke-width': 0.9,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round'
    })
  ],
  question: () => [
    element('path', {
      d: 'M18 3.6 Q18 1.6 20 1.6 Q22 1.6 22 3.4 Q22 4.6 20.2 5.2 L20.2 6.4 M20.2 8 L20.2 8.2',
      fill: 'none',
      stroke: '#3b6fb6',
      'stroke-width': 1.2,
      'stroke-linecap': 'round'
    })
  ],
  finger: () => [
    element('rect', {
      x: 10.9,
      y: 12.5,
      width: 2.2,
      height: 7.5,
      rx: 1.1,
      fill: '#f3b13b',
      stroke: INK,
      'stroke-width': 0.8
    })
  ],
  wave: () => [
    element('path', {
      d: 'M18.5 21.5 L18.5 15.5 Q18.5 14.6 19.3 14.6 Q20.1 14.6 20.1 15.5 L20.1 18 L20.1 13.6 Q20.1 12.7 20.9 12.7 Q21.7 12.7 21.7 13.6 L21.7 18 L21.7 14.4 Q21.7 13.5 22.5 13.5 Q23.3 13.5 23.3 14.4 L23.3 19.5 Q23.3 22.5 20.8 22.8 Q18.5 22.8 18.5 21.5 Z',
      fill: '#ffd54a',
      stroke: INK,
      'stroke-width': 0.8,
      'stroke-linejoin': 'round'
    }),
    element('path', {
      d: 'M16.5 12.5 Q15.8 13.5 16 14.6 M15 11.6 Q13.8 13 14.2 14.8',
      fill: 'none',
      stroke: '#3b6fb6',
      'stroke-width': 0.7,
      'stroke-linecap': 'round'
    })
  ],
  messy: () => [
    element('path', {
      d: 'M6 5 L4 2.5 M9.5 3 L9 0.8 M14.5 3 L15 0.8 M18 5 L20 2.5',
      stroke: INK,
      'stroke-width': 1.1,
      'stroke-linecap': 'round'
    })
  ],
  sick: () => [
    element('path', {
      d: 'M10.5 17 Q9.6 20 10.4 23 L13.6 23 Q14.4 20 13.5 17 Z',
      fill: '#7cc26a',
      stroke: '#3f8a3a',
      'stroke-width': 0.7
    })
  ],
  drool: () => [
    element('path', { d: 'M14.6 17.4 Q14 19.6 14.8 20.4 Q15.6 19.6 14.6 17.4 Z', fill: BLUE })
  ],
  sparkle: () => [
    element('path', {
      d: 'M20 2 L20.6 3.8 L22.4 4.4 L20.6 5 L20 6.8 L19.4 5 L17.6 4.4 L19.4 3.8 Z',
      fill: '#f5a623'
    })
  ]
} satisfies Record<string, () => string[]>

export type Extra = keyof typeof EXTRAS
