import { element } from '../svg/svg.ts'
import type { FaceDesign } from './design.ts'

/** The outline colour of every face: one ink keeps the set coherent. */
export const INK = '#2d2a32'
const outline = { stroke: INK, 'stroke-width': 1.2, 'stroke-linejoin': 'round' }

export function tile(design: FaceDesign): string[] {
  return [
    element('rect', { x: 0.5, y: 0.5, width: 39, height: 39, rx: 8, fill: design.background }),
    element('path', {
      d: 'M6 40 Q6 30.5 20 30.5 Q34 30.5 34 40 Z',
      fill: design.shirt,
      ...outline
    }),
    element('path', {
      d: 'M16.5 30.8 L20 34 L23.5 30.8',
      fill: 'none',
      stroke: '#ffffff',
      'stroke-width': 1.2,
      'stroke-linecap': 'round'
    })
  ]
}

/** What sticks out behind the head: ears of every kind. */
export function ears(design: FaceDesign): string[] {
  const fill = design.skin
  switch (design.species) {
    case 'human':
      return [
        element('circle', { cx: 8.6, cy: 19, r: 2.4, fill, ...outline }),
        element('circle', { cx: 31.4, cy: 19, r: 2.4, fill, ...outline })
      ]
    case 'cat':
      return [
        element('path', { d: 'M9.5 13 L10 3.5 L17 9 Z', fill, ...outline }),
        element('path', { d: 'M30.5 13 L30 3.5 L23 9 Z', fill, ...outline }),
        element('path', { d: 'M11 10.5 L11.2 6.5 L14.2 8.8 Z', fill: '#f4a7b9' }),
        element('path', { d: 'M29 10.5 L28.8 6.5 L25.8 8.8 Z', fill: '#f4a7b9' })
      ]
    case 'bear':
      return [
        element('circle', { cx: 11, cy: 8.5, r: 4, fill, ...outline }),
        element('circle', { cx: 29, cy: 8.5, r: 4, fill, ...outline }),
        element('circle', { cx: 11, cy: 8.5, r: 1.8, fill: '#e9c39b' }),
        element('circle', { cx: 29, cy: 8.5, r: 1.8, fill: '#e9c39b' })
      ]
    case 'rabbit':
      return [
        element('ellipse', { cx: 15, cy: 5.5, rx: 2.8, ry: 6, fill, ...outline }),
        element('ellipse', { cx: 25, cy: 5.5, rx: 2.8, ry: 6, fill, ...outline }),
        element('ellipse', { cx: 15, cy: 5.8, rx: 1.2, ry: 4, fill: '#f4a7b9' }),
        element('ellipse', { cx: 25, cy: 5.8, rx: 1.2, ry: 4, fill: '#f4a7b9' })
      ]
    case 'panda':
      return [
        element('circle', { cx: 11, cy: 9, r: 3.8, fill: INK }),
        element('circle', { cx: 29, cy: 9, r: 3.8, fill: INK })
      ]
    case 'robot':
      return [
        element('line', { x1: 20, y1: 7, x2: 20, y2: 3, stroke: INK, 'stroke-width': 1.2 }),
        element('circle', { cx: 20, cy: 2.8, r: 1.8, fill: '#e0604f', ...outline }),
        element('rect', {
          x: 6.5,
          y: 15.5,
          width: 3,
          height: 6,
          rx: 1,
          fill: design.skin,
          ...outline
        }),
        element('rect', {
          x: 30.5,
          y: 15.5,
          width: 3,
          height: 6,
          rx: 1,
          fill: design.skin,
          ...outline
        })
      ]
    case 'chick':
      return [
        element('path', { d: 'M19 8 Q18 3 20.5 4 Q21 1.5 22.5 4.5', fill: 'none', ...outline })
      ]
    case 'frog':
      return []
  }
}

export function headShape(design: FaceDesign): string {
  const fill = design.skin
  if (design.species === 'robot')
    return element('rect', { x: 9, y: 7.5, width: 22, height: 21, rx: 4, fill, ...outline })
  switch (design.head) {
    case 'square':
      return element('rect', { x: 9.5, y: 7.5, width: 21, height: 21.5, rx: 7, fill, ...outline })
    case 'oval':
      return element('ellipse', { cx: 20, cy: 18.5, rx: 10.5, ry: 12, fill, ...outline })
    case 'round':
      return element('circle', { cx: 20, cy: 18.5, r: 11.3, fill, ...outline })
  }
}

/** Markings that make an animal read as that animal, drawn over the head. */
export function markings(design: FaceDesign): string[] {
  switch (design.species) {
    case 'cat':
      return [
        element('path', {
          d: 'M8 21 L13 21.6 M8 23.5 L13 22.6 M32 21 L27 21.6 M32 23.5 L27 22.6',
          stroke: INK,
          'stroke-width': 0.7,
          'stroke-linecap': 'round'
        }),
        element('path', { d: 'M19 21.2 L21 21.2 L20 22.4 Z', fill: '#e07a8f' })
      ]
    case 'bear':
      return [
        element('ellipse', { cx: 20, cy: 23, rx: 5, ry: 3.6, fill: '#f0d9bd' }),
        element('ellipse', { cx: 20, cy: 21.4, rx: 1.6, ry: 1.1, fill: INK })
      ]
    case 'panda':
      return [
        element('ellipse', {
          cx: 15.2,
          cy: 18.4,
          rx: 3.2,
          ry: 3.8,
          fill: INK,
          transform: 'rotate(25 15.2 18.4)'
        }),
        element('ellipse', {
          cx: 24.8,
          cy: 18.4,
          rx: 3.2,
          ry: 3.8,
          fill: INK,
          transform: 'rotate(-25 24.8 18.4)'
        }),
        element('ellipse', { cx: 20, cy: 22, rx: 1.4, ry: 1, fill: INK })
      ]
    case 'frog':
      // Eyes on bumps over the top of the head, drawn over it so they read as eyes.
      return [14, 26].flatMap((cx) => [
        element('circle', { cx, cy: 9.5, r: 4.3, fill: design.skin, ...outline }),
        element('circle', { cx, cy: 9.5, r: 2.7, fill: '#ffffff' })
      ])
    case 'rabbit':
      return [element('path', { d: 'M19.2 21.2 L20.8 21.2 L20 22.2 Z', fill: '#e07a8f' })]
    case 'chick':
      return [
        element('path', {
          d: 'M17.5 21.5 L20 20 L22.5 21.5 L20 23.5 Z',
          fill: '#f08a24',
          ...outline,
          'stroke-width': 0.8
        })
      ]
    case 'robot':
      return [
        element('rect', { x: 13, y: 24, width: 14, height: 2.6, rx: 1.3, fill: '#5d6b78' }),
        element('path', {
          d: 'M16 24 V26.6 M19 24 V26.6 M22 24 V26.6 M25 24 V26.6',
          stroke: design.skin,
          'stroke-width': 0.8
        })
      ]
    default:
      return []
  }
}
