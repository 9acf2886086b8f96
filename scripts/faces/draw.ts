import { svgDocument } from '../svg/svg.ts'
import { accessory } from './accessories.ts'
import type { FaceDesign } from './design.ts'
import { faceDesigns } from './design.ts'
import { blush, eyes, mouth } from './features.ts'
import { hairBehind, hairFront } from './hair.ts'
import { ears, headShape, markings, tile } from './head.ts'

/** Logical size of a face: the buddy list shows them at 40 px (and 80 device px at 2×). */
export const FACE_SIZE = 40

export function drawFace(number: number, design: FaceDesign): string {
  return svgDocument(FACE_SIZE, `Face ${number}`, [
    ...tile(design),
    ...hairBehind(design),
    ...ears(design),
    headShape(design),
    ...markings(design),
    ...hairFront(design),
    ...blush(design),
    ...eyes(design),
    ...mouth(design),
    ...accessory(design)
  ])
}

/** File name of face `number` (1-based), as the renderer looks it up. */
export const faceFileName = (number: number): string => `${String(number).padStart(3, '0')}.svg`

/** Every face of the set: file name → SVG text. */
export function drawAllFaces(count: number): Map<string, string> {
  return new Map(
    faceDesigns(count).map((design, i) => [faceFileName(i + 1), drawFace(i + 1, design)])
  )
}
