import * as v from 'valibot'
import { CALL_SCHEMAS } from '../../shared/api-schema.ts'
import type { Settings } from '../../shared/model.ts'
import { STATUS } from '../../shared/protocol/index.ts'
import { DEFAULT_SETTINGS } from './defaults.ts'
import type { StoredAccount } from './stored-data.ts'

/*
 * What is read back from the settings store, checked: the settings against the one schema
 * the bridge checks \`updateSettings\` with (src/shared/api-schema.ts), over the defaults.
 */

const patchSchema = CALL_SCHEMAS.updateSettings

/** A patch as the bridge checks it; undefined when it is not one. */
export function checkSettingsPatch(patch: unknown): Partial<Settings> | undefined {
  const parsed = v.safeParse(patchSchema, [patch])
  return parsed.success ? parsed.output[0] : undefined
}

/** Stored settings over the defaults, key by key: a bad value falls back alone. */
export function readSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SETTINGS
  let settings = DEFAULT_SETTINGS
  for (const [key, value] of Object.entries(stored)) {
    const patch = checkSettingsPatch({ [key]: value })
    if (patch !== undefined) settings = { ...settings, ...patch }
  }
  return settings
}

const accountSchema = v.object({
  uin: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  rememberPassword: v.boolean(),
  autoLogin: v.boolean(),
  status: v.picklist(Object.values(STATUS)),
  sealedPassword: v.optional(v.string())
})

export function readAccounts(stored: unknown): StoredAccount[] {
  if (!Array.isArray(stored)) return []
  return stored.flatMap((item: unknown) => {
    const parsed = v.safeParse(accountSchema, item)
    return parsed.success ? [parsed.output] : []
  })
}
