import { PROFILE_KEYS_FULL } from '../../shared/protocol/index.ts'

/** The GetInfo keys an account's profile holds; `FC`, `NK`, `LV` and `UN` come from elsewhere. */
export const PROFILE_FIELDS: readonly string[] = PROFILE_KEYS_FULL.filter(
  (key) => !['FC', 'NK', 'LV', 'UN'].includes(key)
)

export type ProfileValues = Readonly<Record<string, string>>

/** Keeps only the profile keys GetInfo knows, in a prototype-free object. */
export function cleanProfile(values: Readonly<Record<string, unknown>>): ProfileValues {
  const profile: Record<string, string> = Object.create(null)
  for (const key of PROFILE_FIELDS) {
    const value = Object.hasOwn(values, key) ? values[key] : undefined
    if (typeof value === 'string' || typeof value === 'number') profile[key] = String(value)
  }
  return profile
}

/** A profile as a store keeps it (JSON text, or an object a driver parsed), cleaned again. */
export function storedProfile(stored: unknown): ProfileValues {
  const value: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored
  return cleanProfile(
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  )
}
