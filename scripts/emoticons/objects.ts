import { element } from '../svg/svg.ts'
import { head, INK } from './parts.ts'

const ink = (width = 1): Record<string, string | number> => ({
  stroke: INK,
  'stroke-width': width,
  'stroke-linejoin': 'round',
  'stroke-linecap': 'round'
})
const HAND = '#ffd54a'
const SLEEVE = '#3a8fd8'

const thumbsUp = (): string[] => [
  element('rect', { x: 3, y: 11.5, width: 4, height: 10, rx: 1, fill: SLEEVE, ...ink(0.9) }),
  element('path', {
    d: 'M7 12.5 L10.5 12 L11.5 5 Q12 3 13.6 3.8 Q14.6 4.6 14.2 7.2 L13.6 11 L18.6 11 Q20.6 11.2 20.2 13.2 L19 20 Q18.6 21.6 16.8 21.6 L7 21.6 Z',
    fill: HAND,
    ...ink(0.9)
  }),
  element('path', { d: 'M13.8 14.2 L19.6 14.2 M13.8 17.4 L19.2 17.4', fill: 'none', ...ink(0.8) })
]

/** Pictures that are not faces, by emoticon id. */
export const OBJECTS: Readonly<Record<string, () => string[]>> = {
  kl: () => [
    element('path', {
      d: 'M12 2.5 Q21 2.5 21 11 Q21 15 17.5 16.5 L17.5 20.5 L6.5 20.5 L6.5 16.5 Q3 15 3 11 Q3 2.5 12 2.5 Z',
      fill: '#f4f1ea',
      ...ink()
    }),
    element('ellipse', { cx: 8.4, cy: 11, rx: 2.3, ry: 2.6, fill: INK }),
    element('ellipse', { cx: 15.6, cy: 11, rx: 2.3, ry: 2.6, fill: INK }),
    element('path', { d: 'M12 13.5 L10.8 15.6 L13.2 15.6 Z', fill: INK }),
    element('path', {
      d: 'M9.5 17.5 V20.5 M12 17.5 V20.5 M14.5 17.5 V20.5',
      fill: 'none',
      ...ink(0.8)
    })
  ],
  zt: () => [
    element('path', {
      d: 'M4.5 7 L4 1.8 L9 4.6 Z M19.5 7 L20 1.8 L15 4.6 Z',
      fill: '#f59ab0',
      ...ink(0.9)
    }),
    head('#f9b9c8'),
    element('ellipse', { cx: 8.2, cy: 9.6, rx: 1.1, ry: 1.4, fill: INK }),
    element('ellipse', { cx: 15.8, cy: 9.6, rx: 1.1, ry: 1.4, fill: INK }),
    element('ellipse', { cx: 12, cy: 15, rx: 4.6, ry: 3.4, fill: '#f48aa4', ...ink(0.9) }),
    element('ellipse', { cx: 10.4, cy: 15, rx: 0.9, ry: 1.3, fill: '#a8455e' }),
    element('ellipse', { cx: 13.6, cy: 15, rx: 0.9, ry: 1.3, fill: '#a8455e' })
  ],
  mg: () => [
    element('path', {
      d: 'M12 11 Q11 17 12.5 23',
      fill: 'none',
      stroke: '#3f8a3a',
      'stroke-width': 1.4,
      'stroke-linecap': 'round'
    }),
    element('path', {
      d: 'M12 17.5 Q15.5 14.5 18.5 16 Q15.5 19 12 17.5 Z',
      fill: '#5fae4c',
      ...ink(0.7)
    }),
    element('path', {
      d: 'M6.5 4.5 Q12 2 17.5 4.5 Q18 10.5 12 12 Q6 10.5 6.5 4.5 Z',
      fill: '#d8283f',
      ...ink(0.9)
    }),
    element('path', {
      d: 'M9 5.6 Q12 4 15 5.6 Q13.6 8.4 12 8.6 Q10.2 8.2 9 5.6 Z M12 8.6 V11.6',
      fill: 'none',
      stroke: '#8e1426',
      'stroke-width': 0.8,
      'stroke-linecap': 'round'
    })
  ],
  dx: () => [
    element('path', {
      d: 'M9 23 Q10 13 15 10',
      fill: 'none',
      stroke: '#7a8a3a',
      'stroke-width': 1.4,
      'stroke-linecap': 'round'
    }),
    element('path', {
      d: 'M14 8 Q19.5 5.5 21 10 Q19.5 15 15 12.5 Z',
      fill: '#8c5a5f',
      ...ink(0.9)
    }),
    element('path', {
      d: 'M6 14 Q8 13 8.4 15.4 Q6.6 16.4 6 14 Z M4 19 Q6 18.4 6 20.6 Q4.2 21.2 4 19 Z',
      fill: '#8c5a5f',
      ...ink(0.6)
    })
  ],
  xin: () => [
    element('path', {
      d: 'M12 21 L3.6 12.4 Q1 9 3.4 5.6 Q6.8 2 12 7 Q17.2 2 20.6 5.6 Q23 9 20.4 12.4 Z',
      fill: '#e0283f',
      ...ink(0.9)
    }),
    element('path', {
      d: 'M5.4 8 Q6 6 8 5.6',
      fill: 'none',
      stroke: '#ffffff',
      'stroke-width': 1,
      'stroke-linecap': 'round'
    })
  ],
  xs: () => [
    element('path', {
      d: 'M11 20 L3 12.4 Q0.6 9 3 5.6 Q6.4 2 11 6.4 L9.6 10 L12 12.6 L10 16.4 Z',
      fill: '#e0283f',
      ...ink(0.9)
    }),
    element('path', {
      d: 'M13.4 20.6 L21.2 13 Q23.6 9.6 21.2 6.2 Q17.8 2.6 13.4 7 L12 10.6 L14.4 13.2 L12.4 17 Z',
      fill: '#e0283f',
      ...ink(0.9)
    })
  ],
  dg: () => [
    element('rect', {
      x: 3.5,
      y: 12,
      width: 17,
      height: 9.5,
      rx: 1.5,
      fill: '#f5d2a8',
      ...ink(0.9)
    }),
    element('path', {
      d: 'M3.5 14.5 Q6 17 8.2 14.5 Q10.2 17 12 14.5 Q14 17 15.8 14.5 Q18 17 20.5 14.5 L20.5 13.5 Q20.5 12 19 12 L5 12 Q3.5 12 3.5 13.5 Z',
      fill: '#f48aa4'
    }),
    element('rect', { x: 11, y: 6, width: 2, height: 6, fill: '#5aaeea', ...ink(0.7) }),
    element('path', { d: 'M12 1.8 Q14 4.4 12 5.6 Q10 4.4 12 1.8 Z', fill: '#f5a623', ...ink(0.6) })
  ],
  ty: () => [
    element('path', {
      d: 'M12 1 V4 M12 20 V23 M1 12 H4 M20 12 H23 M4.2 4.2 L6.3 6.3 M17.7 17.7 L19.8 19.8 M4.2 19.8 L6.3 17.7 M17.7 6.3 L19.8 4.2',
      fill: 'none',
      stroke: '#f08a24',
      'stroke-width': 1.6,
      'stroke-linecap': 'round'
    }),
    element('circle', {
      cx: 12,
      cy: 12,
      r: 6,
      fill: '#ffb300',
      stroke: '#e07b00',
      'stroke-width': 1
    })
  ],
  yl: () => [
    element('path', {
      d: 'M15 2.5 Q6.5 3.5 6 12 Q6.5 20.5 15 21.5 Q8.5 17.5 9 12 Q8.5 6.5 15 2.5 Z',
      fill: '#ffd54a',
      stroke: '#b7791f',
      'stroke-width': 1,
      'stroke-linejoin': 'round'
    }),
    element('path', {
      d: 'M18 6 L18.5 7.5 L20 8 L18.5 8.5 L18 10 L17.5 8.5 L16 8 L17.5 7.5 Z',
      fill: '#f5a623'
    })
  ],
  kf: () => [
    element('path', {
      d: 'M4 10 H17 L16 19 Q15.6 21 13.6 21 H7.4 Q5.4 21 5 19 Z',
      fill: '#ffffff',
      ...ink(0.9)
    }),
    element('path', { d: 'M16.8 12 Q20.5 12 20 15 Q19.5 17.6 16.2 17', fill: 'none', ...ink(1.1) }),
    element('ellipse', { cx: 10.5, cy: 10.8, rx: 5.6, ry: 0.9, fill: '#6b3f22' }),
    element('path', {
      d: 'M8.5 7.5 Q7.5 5.5 8.8 4 M12.5 7.5 Q11.5 5.5 12.8 4',
      fill: 'none',
      stroke: '#a8b4c0',
      'stroke-width': 1,
      'stroke-linecap': 'round'
    })
  ],
  pj: () => [
    element('rect', { x: 4, y: 7, width: 12, height: 15, rx: 1.5, fill: '#f5b732', ...ink(0.9) }),
    element('path', {
      d: 'M16 10 H18.5 Q20.5 10 20.5 12 V16 Q20.5 18 18.5 18 H16',
      fill: 'none',
      ...ink(1.2)
    }),
    element('path', {
      d: 'M3.2 8 Q3 4.5 6 4.8 Q7.4 2.4 10 3.6 Q12.6 2.2 14.2 4.4 Q17.4 4.4 16.8 8 Z',
      fill: '#ffffff',
      ...ink(0.9)
    }),
    element('path', {
      d: 'M8 11 V19 M12 11 V19',
      fill: 'none',
      stroke: '#fbe29a',
      'stroke-width': 1,
      'stroke-linecap': 'round'
    })
  ],
  qiang: thumbsUp,
  ruo: () => [element('g', { transform: 'rotate(180 12 12.3)' }, thumbsUp())],
  ws: () => [
    element('rect', { x: 0.8, y: 9, width: 3.4, height: 8, rx: 0.8, fill: SLEEVE, ...ink(0.8) }),
    element('rect', {
      x: 19.8,
      y: 7,
      width: 3.4,
      height: 8,
      rx: 0.8,
      fill: '#e0604f',
      ...ink(0.8)
    }),
    element('path', {
      d: 'M4.2 10 Q9 8.6 12 10 L16.4 14.4 Q17.2 15.6 16 16.2 L11 16.6 Q7 17 4.2 16 Z',
      fill: HAND,
      ...ink(0.8)
    }),
    element('path', {
      d: 'M19.8 8 Q15 7 12.4 8.6 L8.6 11.4 Q7.6 12.6 9 13 L12.4 12 L15.4 14.6 Q17.8 14.6 19.8 14 Z',
      fill: '#f7c35a',
      ...ink(0.8)
    })
  ],
  shl: () => [
    element('rect', { x: 7.5, y: 19, width: 8, height: 4, rx: 1, fill: SLEEVE, ...ink(0.8) }),
    element('path', {
      d: 'M7.4 19 L7 12.6 Q6.8 11.2 8 11 L7 3.6 Q6.8 2.2 8 2 Q9.2 1.9 9.4 3.2 L10.8 10.5 L12.6 3 Q13 1.8 14.2 2.2 Q15.3 2.6 15 3.8 L13.4 11 Q16.4 10.6 16.4 12.8 L16 19 Z',
      fill: HAND,
      ...ink(0.8)
    }),
    element('path', { d: 'M9 14 Q11 13 13.4 13.6', fill: 'none', ...ink(0.7) })
  ]
}
