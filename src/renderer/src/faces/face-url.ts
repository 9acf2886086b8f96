import { faceImage } from '../../../shared/protocol/faces.ts'

// Our own drawings (scripts/draw-faces.ts), bundled with the app as files (001.svg …
// 101.svg): the page loads only the faces in view, and each once.
const FILES = import.meta.glob<string>('../../../../resources/faces/*.svg', {
  eager: true,
  query: '?url&no-inline',
  import: 'default'
})

const fileOf = (image: number): string =>
  `../../../../resources/faces/${String(image).padStart(3, '0')}.svg`

/**
 * The picture of a face id: number `id / 3 + 1` of the set (section 7 of the protocol).
 * The id's variant (`id % 3`) picked a grey picture in the original set; here greyness
 * follows the friend's status instead, so every variant shows the same drawing.
 */
export function faceUrl(faceId: number): string {
  const { image } = faceImage(faceId)
  return FILES[fileOf(image)] ?? FILES[fileOf(1)] ?? ''
}
