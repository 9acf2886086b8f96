import { MAX_MESSAGE_BYTES } from '../shared/protocol/index.ts'

const encoder = new TextEncoder()
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const byteLength = (text: string) => encoder.encode(text).length

/**
 * D-23: a `CLTMSG` carries at most 1,500 UTF-8 bytes, so a longer message goes as several,
 * in order. It splits between characters as a person sees them (an emoji with its
 * modifiers stays whole), and inside one only if that one alone is too long.
 */
export function splitMessage(text: string, maxBytes = MAX_MESSAGE_BYTES): string[] {
  if (byteLength(text) <= maxBytes) return [text]
  const parts: string[] = []
  let part = ''
  let partBytes = 0
  const push = (piece: string, bytes: number) => {
    if (partBytes + bytes > maxBytes && part !== '') {
      parts.push(part)
      part = ''
      partBytes = 0
    }
    part += piece
    partBytes += bytes
  }
  for (const { segment } of graphemes.segment(text)) {
    const bytes = byteLength(segment)
    if (bytes <= maxBytes) push(segment, bytes)
    else for (const codePoint of segment) push(codePoint, byteLength(codePoint))
  }
  if (part !== '') parts.push(part)
  return parts
}
