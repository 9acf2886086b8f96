import { EMOTICONS, type Emoticon } from './catalog.ts'

export type EmoticonPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'emoticon'; readonly emoticon: Emoticon; readonly code: string }

const BY_CODE = new Map(EMOTICONS.flatMap((e) => e.codes.map((code) => [code, e] as const)))

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

// Longest codes first, so `/bye` is 再见 and not `/by` 白眼 followed by "e".
const CODE_PATTERN = new RegExp(
  [...BY_CODE.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|'),
  'g'
)

/** Splits text at every emoticon shortcut it contains; the pieces join back to the text. */
export function splitEmoticons(text: string): EmoticonPiece[] {
  const pieces: EmoticonPiece[] = []
  let last = 0
  for (const match of text.matchAll(CODE_PATTERN)) {
    const emoticon = BY_CODE.get(match[0])
    if (!emoticon) continue
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) })
    pieces.push({ kind: 'emoticon', emoticon, code: match[0] })
    last = match.index + match[0].length
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) })
  return pieces
}
