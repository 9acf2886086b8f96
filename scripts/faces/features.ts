import { element } from '../svg/svg.ts'
import type { FaceDesign } from './design.ts'
import { INK } from './head.ts'

const stroke = { fill: 'none', stroke: INK, 'stroke-width': 1.2, 'stroke-linecap': 'round' }

function eyeCentres(design: FaceDesign): { y: number; xs: readonly [number, number] } {
  if (design.species === 'frog') return { y: 9.5, xs: [14, 26] }
  return { y: 18.2, xs: [15.4, 24.6] }
}

function eye(style: FaceDesign['eyes'], x: number, y: number, light: string): string[] {
  switch (style) {
    case 'dot':
      return [element('circle', { cx: x, cy: y, r: 1.5, fill: INK })]
    case 'shine':
      return [
        element('circle', { cx: x, cy: y, r: 2, fill: INK }),
        element('circle', { cx: x + 0.6, cy: y - 0.7, r: 0.7, fill: light })
      ]
    case 'happy':
      return [
        element('path', {
          d: `M${x - 2} ${y + 0.6} Q${x} ${y - 2.2} ${x + 2} ${y + 0.6}`,
          ...stroke
        })
      ]
    case 'sleepy':
      return [element('path', { d: `M${x - 2} ${y} Q${x} ${y + 1.6} ${x + 2} ${y}`, ...stroke })]
    case 'big':
      return [
        element('circle', {
          cx: x,
          cy: y,
          r: 2.8,
          fill: '#ffffff',
          stroke: INK,
          'stroke-width': 0.9
        }),
        element('circle', { cx: x + 0.3, cy: y + 0.3, r: 1.5, fill: INK }),
        element('circle', { cx: x + 0.8, cy: y - 0.3, r: 0.5, fill: '#ffffff' })
      ]
    case 'wink':
      return eye('dot', x, y, light)
  }
}

export function eyes(design: FaceDesign): string[] {
  const { y, xs } = eyeCentres(design)
  const [left, right] = xs
  // Panda eyes sit in dark patches: their shine must be light to be seen.
  const light = '#ffffff'
  const pandaEye = (x: number): string[] => [
    element('circle', { cx: x, cy: y, r: 1.4, fill: '#ffffff' }),
    element('circle', { cx: x + 0.3, cy: y, r: 0.7, fill: INK })
  ]
  if (design.species === 'panda') return [...pandaEye(left), ...pandaEye(right)]
  if (design.eyes === 'wink')
    return [...eye('dot', left, y, light), ...eye('happy', right, y, light)]
  return [...eye(design.eyes, left, y, light), ...eye(design.eyes, right, y, light)]
}

export function mouth(design: FaceDesign): string[] {
  // The chick's beak and the robot's grille are their mouths.
  if (design.species === 'chick' || design.species === 'robot') return []
  const y = design.species === 'bear' || design.species === 'panda' ? 24.2 : 23.6
  switch (design.mouth) {
    case 'smile':
      return [element('path', { d: `M16.6 ${y - 0.4} Q20 ${y + 3} 23.4 ${y - 0.4}`, ...stroke })]
    case 'grin':
      return [
        element('path', {
          d: `M16 ${y - 0.6} Q20 ${y + 5} 24 ${y - 0.6} Z`,
          fill: '#b3263a',
          stroke: INK,
          'stroke-width': 1,
          'stroke-linejoin': 'round'
        }),
        element('path', {
          d: `M17.6 ${y + 0.1} L22.4 ${y + 0.1}`,
          stroke: '#ffffff',
          'stroke-width': 1.1,
          'stroke-linecap': 'round'
        })
      ]
    case 'o':
      return [
        element('ellipse', {
          cx: 20,
          cy: y + 0.6,
          rx: 1.6,
          ry: 1.9,
          fill: '#b3263a',
          stroke: INK,
          'stroke-width': 0.9
        })
      ]
    case 'flat':
      return [element('path', { d: `M17.5 ${y + 0.6} L22.5 ${y + 0.6}`, ...stroke })]
    case 'tongue':
      return [
        element('path', {
          d: `M17.8 ${y + 1.2} Q18.4 ${y + 4} 20 ${y + 3.6} Q21.6 ${y + 4} 22.2 ${y + 1.2} Z`,
          fill: '#f07a8a',
          stroke: INK,
          'stroke-width': 0.8
        }),
        element('path', { d: `M16.6 ${y - 0.2} Q20 ${y + 2.6} 23.4 ${y - 0.2}`, ...stroke })
      ]
    case 'cat':
      return [
        element('path', {
          d: `M16.8 ${y} Q18.4 ${y + 2} 20 ${y} Q21.6 ${y + 2} 23.2 ${y}`,
          ...stroke
        })
      ]
    case 'smirk':
      return [element('path', { d: `M17 ${y + 1} Q20.5 ${y + 2.2} 23.4 ${y - 0.6}`, ...stroke })]
  }
}

export function blush(design: FaceDesign): string[] {
  if (!design.blush || design.species === 'panda' || design.species === 'robot') return []
  return [
    element('ellipse', { cx: 12.8, cy: 22, rx: 2, ry: 1.2, fill: '#f28a9b', opacity: 0.55 }),
    element('ellipse', { cx: 27.2, cy: 22, rx: 2, ry: 1.2, fill: '#f28a9b', opacity: 0.55 })
  ]
}
