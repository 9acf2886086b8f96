import { isMessageKey } from '../../../shared/i18n/catalogues.ts'
import {
  describeProfileField,
  profileFieldLabel,
  type Lookup
} from '../../../shared/i18n/profile-words.ts'
import type { Language } from '../../../shared/model.ts'
import { faceImage } from '../../../shared/protocol/faces.ts'
import { translate, type MessageKey } from '../i18n/translate.ts'
import { linkTarget } from '../text/links.ts'

export interface ProfileField {
  readonly key: string
  readonly label: string
  /** As a person reads it: dictionary codes named, everything else as the server sent it. */
  readonly value: string
  /** Where the value links to: the homepage, when it is an http(s) address; else null. */
  readonly href: string | null
  /** The face id to draw instead of the value (the face field, when it is a number). */
  readonly face: number | null
  /** The picture's number in the face set (1-based), to name it for a screen reader. */
  readonly faceNumber: number | null
}

export interface ProfileSection {
  readonly title: MessageKey
  readonly fields: readonly ProfileField[]
  /** Starts folded: the fields nobody has explained, which a reader rarely needs. */
  readonly collapsed: boolean
}

/** Where each GetInfo field shows on the card; keys not listed go to the raw section. */
const LAYOUT: readonly { readonly title: MessageKey; readonly keys: readonly string[] }[] = [
  { title: 'profile.basic', keys: ['NK', 'UN', 'FC', 'SX', 'AG', 'CO', 'SH', 'BT'] },
  { title: 'profile.contact', keys: ['CY', 'PV', 'CT', 'AD', 'PC', 'PH', 'MO', 'EM', 'HP'] },
  { title: 'profile.more', keys: ['RN', 'SC', 'JB', 'PR'] }
]
const PLACED = new Set(LAYOUT.flatMap((section) => section.keys))

function field(key: string, value: string, language: Language): ProfileField {
  // A number as the face field is only a code to a person: the card draws the face.
  const face = key === 'FC' && /^\d+$/.test(value) ? Number(value) : null
  const lookup: Lookup = (name) => (isMessageKey(name) ? translate(language, name) : undefined)
  return {
    key,
    label: profileFieldLabel(key, lookup),
    value: describeProfileField(key, value, lookup),
    href: key === 'HP' ? linkTarget(value) : null,
    face,
    faceNumber: face === null ? null : faceImage(face).image
  }
}

/**
 * Every field of a profile, in the card's sections. Known fields show even when the server
 * left them out (as empty); fields we do not know (`CV`, `ID`, `MT`, `MV`, `LV`, or any new
 * key) are kept and shown raw under their key, so nothing the server sent is lost, in a
 * last section that starts folded.
 */
export function profileSections(
  fields: Readonly<Record<string, string>>,
  language: Language
): ProfileSection[] {
  const sections: ProfileSection[] = LAYOUT.map(({ title, keys }) => ({
    title,
    fields: keys.map((key) => field(key, fields[key] ?? '', language)),
    collapsed: false
  }))
  const raw = Object.keys(fields)
    .filter((key) => !PLACED.has(key))
    .sort()
    .map((key) => ({
      key,
      label: key,
      value: fields[key] ?? '',
      href: null,
      face: null,
      faceNumber: null
    }))
  if (raw.length > 0) sections.push({ title: 'profile.raw', fields: raw, collapsed: true })
  return sections
}
