import { element } from '../svg/svg.ts'
import type { FaceDesign } from './design.ts'
import { INK } from './head.ts'

const outline = { stroke: INK, 'stroke-width': 1.2, 'stroke-linejoin': 'round' }

/** Hair that hangs behind the head (drawn before it). */
export function hairBehind(design: FaceDesign): string[] {
  const fill = design.hairColor
  switch (design.hair) {
    case 'long':
      return [
        element('path', {
          d: 'M7.5 31 L7.5 17 Q7.5 5.5 20 5.5 Q32.5 5.5 32.5 17 L32.5 31 Q30 32.5 27.5 31 L12.5 31 Q10 32.5 7.5 31 Z',
          fill,
          ...outline
        })
      ]
    case 'pigtails':
      return [
        element('circle', { cx: 7.5, cy: 14, r: 3.8, fill, ...outline }),
        element('circle', { cx: 32.5, cy: 14, r: 3.8, fill, ...outline })
      ]
    case 'bun':
      return [element('circle', { cx: 20, cy: 5.2, r: 4.2, fill, ...outline })]
    default:
      return []
  }
}

/** Hair over the forehead (drawn after the head). */
export function hairFront(design: FaceDesign): string[] {
  const fill = design.hairColor
  const path = (d: string): string => element('path', { d, fill, ...outline })
  switch (design.hair) {
    case 'short':
      return [path('M8.7 18 Q8.2 6.5 20 6.5 Q31.8 6.5 31.3 18 Q29 11.5 20 11.5 Q11 11.5 8.7 18 Z')]
    case 'fringe':
    case 'long':
    case 'pigtails':
    case 'bun':
      return [
        path(
          'M8.8 17.5 Q8.5 6.5 20 6.5 Q31.5 6.5 31.2 17.5 L29 14 L26 15.2 L23.2 12.4 L20 15.2 L16.8 12.4 L14 15.2 L11 14 Z'
        )
      ]
    case 'side':
      return [
        path('M8.8 18.5 Q8 6.5 20 6.5 Q32 6.5 31.2 18.5 Q29.5 10.5 18 12.5 Q12 13.5 8.8 18.5 Z')
      ]
    case 'spiky':
      return [
        path(
          'M9 16 L9.5 7.5 L13.5 10 L15.5 4.5 L20 8 L24.5 4.5 L26.5 10 L30.5 7.5 L31 16 Q27 11.5 20 11.5 Q13 11.5 9 16 Z'
        )
      ]
    case 'mohawk':
      return [path('M17 10 L17.5 2.5 L19.2 5 L20 1.5 L20.8 5 L22.5 2.5 L23 10 Q20 9 17 10 Z')]
    case 'curly':
      return [
        path(
          'M9.5 16 Q7 12 10.5 10 Q10.5 6 14.5 6.5 Q17 3.5 20 5.5 Q23 3.5 25.5 6.5 Q29.5 6 29.5 10 Q33 12 30.5 16 Q28 12.5 24.5 13 Q22 11 20 12.5 Q18 11 15.5 13 Q12 12.5 9.5 16 Z'
        )
      ]
    case 'none':
      return []
  }
}
