import { element } from '../svg/svg.ts'

/** Emoticons are drawn on 24×24 and shown at text size: few, bold shapes. */
export const SIZE = 24
export const INK = '#4a3410'
const SKIN = '#ffd54a'
const RIM = '#b7791f'
const RED = '#c62f3a'
const BLUE = '#5aaeea'

const line = {
  fill: 'none',
  stroke: INK,
  'stroke-width': 1.3,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round'
}
const LEFT = 8.6
const RIGHT = 15.4
const EYE_Y = 10

export const head = (fill = SKIN): string =>
  element('circle', { cx: 12, cy: 12, r: 10.5, fill, stroke: RIM, 'stroke-width': 1 })

const both = (draw: (x: number) => string[]): string[] => [...draw(LEFT), ...draw(RIGHT)]

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

export type EyeStyle = keyof typeof EYES
export type MouthStyle = keyof typeof MOUTHS
export type Extra = keyof typeof EXTRAS
