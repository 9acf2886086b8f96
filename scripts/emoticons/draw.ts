import { EMOTICONS } from '../../src/renderer/src/emoticons/catalog.ts'
import { svgDocument } from '../svg/svg.ts'
import { FACES } from './faces.ts'
import { OBJECTS } from './objects.ts'
import { EXTRAS } from './extras.ts'
import { EYES } from './eyes.ts'
import { MOUTHS } from './mouths.ts'
import { head, SIZE } from './parts.ts'

export function drawEmoticon(id: string, title: string): string {
  const face = FACES[id]
  if (face) {
    return svgDocument(SIZE, title, [
      head(),
      ...(face.under ?? []).flatMap((extra) => EXTRAS[extra]()),
      ...EYES[face.eyes](),
      ...MOUTHS[face.mouth](),
      ...(face.extras ?? []).flatMap((extra) => EXTRAS[extra]())
    ])
  }
  const object = OBJECTS[id]
  if (!object) throw new Error(`no drawing for emoticon ${id}`)
  return svgDocument(SIZE, title, object())
}

/** Every emoticon of the catalog: file name → SVG text. */
export function drawAllEmoticons(): Map<string, string> {
  return new Map(EMOTICONS.map((e) => [`${e.id}.svg`, drawEmoticon(e.id, `${e.zh} ${e.en}`)]))
}
