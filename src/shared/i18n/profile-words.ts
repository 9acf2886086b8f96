import { CODED_PROFILE_FIELDS } from '../protocol/dictionaries.ts'

/** A catalogue's message by a key built at run time, or nothing when it has none. */
export type Lookup = (key: string) => string | undefined

/** What a `GetInfo` key means (section 6.4), or the key itself for one we do not know. */
export function profileFieldLabel(key: string, lookup: Lookup): string {
  return lookup(`profileField.${key}`) ?? key
}

/**
 * A profile field as a person reads it: coded fields by name (0 of blood type,
 * constellation and zodiac is "not given"), anything else, or a code out of range, exactly
 * as the server sent it.
 */
export function describeProfileField(key: string, value: string, lookup: Lookup): string {
  if (!CODED_PROFILE_FIELDS.has(key) || !/^\d+$/.test(value)) return value
  const code = Number(value)
  return lookup(`profileCode.${key}.${code}`) ?? (code === 0 ? '' : value)
}
