import { randomBytes, timingSafeEqual } from 'node:crypto'

/** D-26: 128 random bits as 32 lower-case hex digits. */
export function newSessionKey(): string {
  return randomBytes(16).toString('hex')
}

/**
 * Whether a request's `SK` is the session's key, in time that does not depend on where they
 * differ: the key is all that stands between a neighbour on the same address and the session.
 */
export function keyMatches(key: string, given: string | undefined): boolean {
  if (given === undefined) return false
  const expected = Buffer.from(key)
  const actual = Buffer.from(given)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
