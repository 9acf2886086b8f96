import { element } from '../svg/svg.ts'
import type { FaceDesign } from './design.ts'
import { INK } from './head.ts'

const outline = { stroke: INK, 'stroke-width': 1.1, 'stroke-linejoin': 'round' }

export function accessory(design: FaceDesign): string[] {
  const color = design.shirt
  switch (design.accessory) {
    case 'round-glasses':
      return [
        element('circle', {
          cx: 15.4,
          cy: 18.2,
          r: 3.4,
          fill: '#ffffff',
          'fill-opacity': 0.25,
          ...outline
        }),
        element('circle', {
          cx: 24.6,
          cy: 18.2,
          r: 3.4,
          fill: '#ffffff',
          'fill-opacity': 0.25,
          ...outline
        }),
        element('path', { d: 'M18.8 18 Q20 17 21.2 18', fill: 'none', ...outline })
      ]
    case 'square-glasses':
      return [
        element('rect', {
          x: 11.6,
          y: 15.6,
          width: 7.4,
          height: 5.4,
          rx: 1.2,
          fill: '#ffffff',
          'fill-opacity': 0.25,
          ...outline
        }),
        element('rect', {
          x: 21,
          y: 15.6,
          width: 7.4,
          height: 5.4,
          rx: 1.2,
          fill: '#ffffff',
          'fill-opacity': 0.25,
          ...outline
        }),
        element('path', { d: 'M19 17.6 L21 17.6', fill: 'none', ...outline })
      ]
    case 'sunglasses':
      return [
        element('path', {
          d: 'M11 16 L19 16 L18.4 20 Q15 22 12 20 Z M21 16 L29 16 L28 20 Q25 22 21.6 20 Z',
          fill: INK,
          ...outline
        }),
        element('path', { d: 'M19 16.6 L21 16.6', ...outline }),
        element('path', {
          d: 'M13 17 L15 17',
          stroke: '#ffffff',
          'stroke-width': 0.8,
          'stroke-linecap': 'round'
        })
      ]
    case 'cap':
      return [
        element('path', {
          d: 'M8.6 14.5 Q8.6 4.5 20 4.5 Q31.4 4.5 31.4 14.5 Z',
          fill: color,
          ...outline
        }),
        element('path', { d: 'M20 14.5 L35.5 14.5 Q35.5 11.8 31 11.8', fill: color, ...outline }),
        element('circle', { cx: 20, cy: 4.6, r: 1.1, fill: color, ...outline })
      ]
    case 'beanie':
      return [
        element('path', { d: 'M9 13 Q9 3.8 20 3.8 Q31 3.8 31 13 Z', fill: color, ...outline }),
        element('rect', {
          x: 8.2,
          y: 11.4,
          width: 23.6,
          height: 3.6,
          rx: 1.6,
          fill: '#ffffff',
          ...outline
        }),
        element('circle', { cx: 20, cy: 3.4, r: 2, fill: '#ffffff', ...outline })
      ]
    case 'bow':
      return [
        element('path', {
          d: 'M27 8.5 L23 5.5 L23 11.5 Z M27 8.5 L31 5.5 L31 11.5 Z',
          fill: '#e0457b',
          ...outline
        }),
        element('circle', { cx: 27, cy: 8.5, r: 1.3, fill: '#e0457b', ...outline })
      ]
    case 'flower':
      return [
        ...[0, 72, 144, 216, 288].map((angle) =>
          element('circle', {
            cx: 11.5,
            cy: 6.5,
            r: 1.9,
            fill: '#ffffff',
            ...outline,
            'stroke-width': 0.8,
            transform: `rotate(${angle} 11.5 9)`
          })
        ),
        element('circle', {
          cx: 11.5,
          cy: 9,
          r: 1.5,
          fill: '#f5c13b',
          ...outline,
          'stroke-width': 0.8
        })
      ]
    case 'headphones':
      return [
        element('path', {
          d: 'M8 19 Q7.5 3.5 20 3.5 Q32.5 3.5 32 19',
          fill: 'none',
          stroke: INK,
          'stroke-width': 1.8
        }),
        element('rect', { x: 5.5, y: 15.5, width: 4.5, height: 8, rx: 2, fill: color, ...outline }),
        element('rect', { x: 30, y: 15.5, width: 4.5, height: 8, rx: 2, fill: color, ...outline })
      ]
    case 'mustache':
      return [
        element('path', {
          d: 'M20 21.8 Q17 20.6 15 22.6 Q17.5 23.6 20 22.6 Q22.5 23.6 25 22.6 Q23 20.6 20 21.8 Z',
          fill: design.hairColor,
          ...outline,
          'stroke-width': 0.8
        })
      ]
    case 'freckles':
      return [12.2, 13.8, 13, 26.2, 27.8, 27].map((x, i) =>
        element('circle', { cx: x, cy: i % 3 === 2 ? 22.4 : 21.2, r: 0.5, fill: '#a0643c' })
      )
    case 'none':
      return []
  }
}
