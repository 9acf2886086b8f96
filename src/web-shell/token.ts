import { randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh secret per launch: only a page that was given the printed URL may use the bridge. */
export const newToken = (): string => randomBytes(32).toString('base64url')

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
