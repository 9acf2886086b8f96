import { ProtocolError } from './errors.ts'
import { escapeValue, unescapeValue } from './escape.ts'

export const MAX_BODY_BYTES = 64 * 1024
const KEY = /^[A-Z][A-Z0-9]{0,3}$/
const DECIMAL = /^\d+$/
const utf8 = new TextDecoder('utf-8', { fatal: true })
const utf8Encoder = new TextEncoder()

/** A value to write: text, or a list (each item followed by a comma, D-3). */
export type WireValue = string | number | readonly (string | number)[]

export interface DecodeOptions {
  /** `application/x-www-form-urlencoded` bodies also read `+` as a space. */
  plusIsSpace?: boolean
}

/**
 * A decoded body: keys in arrival order with their raw (still escaped) values. Values are
 * unescaped on access, so a list splits on its real commas before `%2c` is decoded. Backed
 * by a Map, so no key (`__proto__`, `constructor`) can reach an object prototype.
 */
export class Body {
  readonly #raw: Map<string, string>
  readonly #plusIsSpace: boolean

  constructor(raw: Map<string, string>, plusIsSpace = false) {
    this.#raw = raw
    this.#plusIsSpace = plusIsSpace
  }

  has(key: string): boolean {
    return this.#raw.has(key)
  }

  keys(): string[] {
    return [...this.#raw.keys()]
  }

  /** The value exactly as it arrived, for fields a reply echoes byte for byte. */
  raw(key: string): string | undefined {
    return this.#raw.get(key)
  }

  text(key: string): string | undefined {
    const raw = this.#raw.get(key)
    return raw === undefined ? undefined : unescapeValue(raw, this.#plusIsSpace)
  }

  requireText(key: string): string {
    const value = this.text(key)
    if (value === undefined) throw new ProtocolError('MISSING_FIELD', `${key} is missing`)
    return value
  }

  /** A decimal field; surrounding spaces are trimmed (one client sent `PS=<md5> &M5=1`). */
  number(key: string): number | undefined {
    const value = this.text(key)
    return value === undefined ? undefined : parseDecimal(key, value)
  }

  requireNumber(key: string): number {
    const value = this.number(key)
    if (value === undefined) throw new ProtocolError('MISSING_FIELD', `${key} is missing`)
    return value
  }

  /** A list: items split on raw commas, the empty last item dropped, each unescaped. */
  list(key: string): string[] | undefined {
    const raw = this.#raw.get(key)
    if (raw === undefined) return undefined
    if (raw === '') return []
    const items = raw.split(',')
    if (items[items.length - 1] === '') items.pop()
    return items.map((item) => unescapeValue(item, this.#plusIsSpace))
  }

  requireList(key: string): string[] {
    const value = this.list(key)
    if (value === undefined) throw new ProtocolError('MISSING_FIELD', `${key} is missing`)
    return value
  }

  numberList(key: string): number[] {
    return this.requireList(key).map((item) => parseDecimal(key, item))
  }
}

export function parseDecimal(key: string, value: string): number {
  const trimmed = value.trim()
  if (!DECIMAL.test(trimmed)) throw new ProtocolError('INVALID_NUMBER', `${key} is not a number`)
  const number = Number(trimmed)
  if (!Number.isSafeInteger(number)) throw new ProtocolError('INVALID_NUMBER', `${key} is too big`)
  return number
}

/** Bytes off the wire to text: over 64 KiB or not UTF-8 is malformed (D-5). */
export function bodyText(input: Uint8Array | string): string {
  if (typeof input === 'string') {
    if (input.length > MAX_BODY_BYTES && utf8Encoder.encode(input).length > MAX_BODY_BYTES) {
      throw new ProtocolError('BODY_TOO_LARGE', 'the body is over 64 KiB')
    }
    return input
  }
  if (input.byteLength > MAX_BODY_BYTES) {
    throw new ProtocolError('BODY_TOO_LARGE', 'the body is over 64 KiB')
  }
  try {
    return utf8.decode(input)
  } catch {
    throw new ProtocolError('INVALID_UTF8', 'the body is not UTF-8')
  }
}

/**
 * Reads `KEY=VALUE&...`. A trailing `&` is allowed (the seed's `RES=0&`); a duplicate key,
 * a pair without `=` or a key outside `[A-Z][A-Z0-9]{0,3}` is malformed (D-5).
 */
export function decodeBody(input: Uint8Array | string, options: DecodeOptions = {}): Body {
  const text = bodyText(input)
  const raw = new Map<string, string>()
  // Pair by pair with indexOf rather than split('&'): no array of pairs for every request.
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('&', start)
    const stop = end < 0 ? text.length : end
    addPair(raw, text.slice(start, stop))
    start = stop + 1
  }
  return new Body(raw, options.plusIsSpace)
}

export function addPair(raw: Map<string, string>, pair: string): void {
  const equals = pair.indexOf('=')
  if (equals < 0) throw new ProtocolError('MISSING_EQUALS', `"${pair.slice(0, 16)}" has no =`)
  const key = pair.slice(0, equals)
  if (!KEY.test(key)) throw new ProtocolError('INVALID_KEY', `"${key.slice(0, 16)}" is not a key`)
  if (raw.has(key)) throw new ProtocolError('DUPLICATE_KEY', `${key} appears twice`)
  raw.set(key, pair.slice(equals + 1))
}

export function encodeValue(value: WireValue): string {
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return escapeValue(value)
  let list = ''
  for (const item of value)
    list += (typeof item === 'number' ? String(item) : escapeValue(item)) + ','
  return list
}

/** Writes pairs in the order given; the order of keys is part of the protocol. */
export function encodeBody(pairs: Iterable<readonly [string, WireValue]>): string {
  let body = ''
  for (const [key, value] of pairs)
    body += (body === '' ? '' : '&') + key + '=' + encodeValue(value)
  return body
}
