/**
 * Text from other people is shown exactly, never obeyed: characters that reorder text
 * (bidi overrides, embeddings, isolates, marks) or that show nothing (control characters,
 * zero-width spaces) are drawn as a visible label instead, so `\u202Eexe.txt` reads as
 * "[RLO]exe.txt" and not as "txt.exe". Joiners used inside emoji and scripts stay as they are.
 */
export type TextPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'control'; readonly label: string; readonly codePoint: string }

const NAMED: Readonly<Record<string, string>> = {
  '\u061c': 'ALM',
  '\u200b': 'ZWSP',
  '\u200e': 'LRM',
  '\u200f': 'RLM',
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2060': 'WJ',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\ufeff': 'BOM'
}

// Tab and line feed are kept: messages show their lines. Everything else without a glyph is not.
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- finding these characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g

const codePointOf = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

export function splitHidden(text: string): TextPiece[] {
  const pieces: TextPiece[] = []
  let last = 0
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) })
    const codePoint = codePointOf(match[0])
    pieces.push({ kind: 'control', label: NAMED[match[0]] ?? codePoint, codePoint })
    last = match.index + 1
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) })
  return pieces
}

/** The text as one line a person can read safely: hidden characters replaced by labels. */
export const visibleText = (text: string): string =>
  splitHidden(text)
    .map((piece) => (piece.kind === 'text' ? piece.text : `[${piece.label}]`))
    .join('')
