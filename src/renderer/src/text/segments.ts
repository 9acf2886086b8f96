import type { Emoticon } from '../emoticons/catalog.ts'
import { splitEmoticons } from '../emoticons/parse.ts'
import { splitLinks } from './links.ts'
import { splitHidden, type TextPiece } from './visible-text.ts'

/** A message as it is drawn: text, labelled hidden characters, links and emoticons. */
export type Segment =
  | TextPiece
  | { readonly kind: 'link'; readonly href: string; readonly text: string }
  | { readonly kind: 'emoticon'; readonly emoticon: Emoticon; readonly code: string }

export function messageSegments(text: string): Segment[] {
  return splitLinks(text).flatMap((piece): Segment[] => {
    // A link never holds a hidden character: one ends it (see links.ts).
    if (piece.kind === 'link') return [piece]
    return splitEmoticons(piece.text).flatMap((part): Segment[] =>
      part.kind === 'emoticon' ? [part] : splitHidden(part.text)
    )
  })
}
