/**
 * Web links inside message text. Only http(s) addresses (or ones starting with `www.`) are
 * links; anything else — `javascript:`, `file:`, `data:` — stays plain text. A link ends at
 * white space, at a character we show as a label (see visible-text.ts), and before closing
 * punctuation that more likely ends the sentence than the address.
 */
/** A link found in a message: as written there, and the address it opens. */
export interface WebLink {
  readonly text: string
  readonly href: string
}

export type LinkPiece =
  { readonly kind: 'text'; readonly text: string } | ({ readonly kind: 'link' } & WebLink)

const CANDIDATE =
  // eslint-disable-next-line no-control-regex -- finding these characters is the point
  /\b(?:https?:\/\/|www\.)[^\s<>"\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u3000-\u303f\uff01-\uff0f]+/gi
const TRAILING = /[.,;:!?'")\]}>]+$/

/** The address a link opens, or null when `text` is not an http(s) address we would open. */
export function linkTarget(text: string): string | null {
  const withScheme = /^www\./i.test(text) ? `http://${text}` : text
  try {
    const url = new URL(withScheme)
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null
    return url.href
  } catch {
    return null
  }
}

export function splitLinks(text: string): LinkPiece[] {
  const pieces: LinkPiece[] = []
  let last = 0
  for (const match of text.matchAll(CANDIDATE)) {
    const linkText = match[0].replace(TRAILING, '')
    const href = linkTarget(linkText)
    if (href === null) continue
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) })
    pieces.push({ kind: 'link', text: linkText, href })
    last = match.index + linkText.length
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) })
  return pieces
}
