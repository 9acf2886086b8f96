import { ProtocolError } from './errors.ts'

// D-3: a writer escapes exactly %, &, the comma and control characters, in lower-case hex.
// `=` and `+` stay as they are, as clients of 2005 expect.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const NEEDS_ESCAPE = /[%&,\u0000-\u001f\u007f]/g
// eslint-disable-next-line no-control-regex -- the same class, without the global flag's state
const HAS_ESCAPE = /[%&,\u0000-\u001f\u007f]/
const utf8 = new TextDecoder('utf-8', { fatal: true })

export function escapeValue(text: string): string {
  // Most values (numbers, nicknames, plain text) need nothing: skip building a new string.
  if (!HAS_ESCAPE.test(text)) return text
  return text.replace(
    NEEDS_ESCAPE,
    (char) => '%' + char.charCodeAt(0).toString(16).padStart(2, '0')
  )
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  const lower = code | 0x20
  return lower >= 97 && lower <= 102 ? lower - 87 : -1
}

/** The byte `%XX` at `at` stands for, or -1 when there is no valid escape there. */
function escapedByte(text: string, at: number): number {
  if (text.charCodeAt(at) !== 37 || at + 2 >= text.length) return -1
  const high = hexDigit(text.charCodeAt(at + 1))
  const low = hexDigit(text.charCodeAt(at + 2))
  return high < 0 || low < 0 ? -1 : high * 16 + low
}

/**
 * Decodes every valid `%XX` (either case). A run of escapes is read as UTF-8 bytes, so a
 * client that percent-encoded whole characters is understood too; a `%` without two hex
 * digits after it stays literal. Hand-written because it runs on every value of every
 * message: a regular expression with a callback was four times slower.
 */
export function unescapeValue(raw: string, plusIsSpace = false): string {
  const text = plusIsSpace && raw.includes('+') ? raw.replaceAll('+', ' ') : raw
  let percent = text.indexOf('%')
  if (percent < 0) return text
  let out = ''
  let from = 0
  while (percent >= 0) {
    let byte = escapedByte(text, percent)
    if (byte < 0) {
      percent = text.indexOf('%', percent + 1)
      continue
    }
    out += text.slice(from, percent)
    if (byte < 0x80) {
      out += String.fromCharCode(byte)
      from = percent + 3
    } else {
      const bytes: number[] = []
      let at = percent
      while (byte >= 0) {
        bytes.push(byte)
        at += 3
        byte = escapedByte(text, at)
      }
      out += decodeUtf8(bytes)
      from = at
    }
    percent = text.indexOf('%', from)
  }
  return out + text.slice(from)
}

function decodeUtf8(bytes: number[]): string {
  try {
    return utf8.decode(new Uint8Array(bytes))
  } catch {
    throw new ProtocolError('INVALID_UTF8', 'escaped bytes are not UTF-8')
  }
}
