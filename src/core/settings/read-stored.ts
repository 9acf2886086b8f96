import * as v from 'valibot'
import { parseAccountId, type AccountId } from '../../shared/account-id.ts'
import { CALL_SCHEMAS } from '../../shared/api-schema.ts'
import type { Settings } from '../../shared/model.ts'
import { STATUS } from '../../shared/protocol/index.ts'
import { DEFAULT_SETTINGS } from './defaults.ts'
import { accountPart, type AccountSettings } from './scopes.ts'
import type { StoredAccount } from './stored-data.ts'

/*
 * What is read back from the settings store, checked: the settings against the one schema
 * the bridge checks \`updateSettings\` with (src/shared/api-schema.ts), over the defaults.
 */

const patchSchema = CALL_SCHEMAS.updateSettings

/** A patch as the bridge checks it; undefined when it is not one. */
export function checkSettingsPatch(patch: unknown): Partial<Settings> | undefined {
  const parsed = v.safeParse(patchSchema, [null, patch])
  return parsed.success ? parsed.output[1] : undefined
}

/** Stored settings over the defaults, key by key: a bad value falls back alone. */
export function readSettings(stored: unknown): Settings {
  return { ...DEFAULT_SETTINGS, ...readSettingsPatch(stored) }
}

/** The valid keys of a stored (partial) settings object, each bad value left out alone. */
export function readSettingsPatch(stored: unknown): Partial<Settings> {
  if (typeof stored !== 'object' || stored === null) return {}
  let settings: Partial<Settings> = {}
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

/** Each account's own settings as stored, by account id; anything else is left out. */
export function readAccountSettings(stored: unknown): Record<AccountId, Partial<AccountSettings>> {
  if (typeof stored !== 'object' || stored === null) return {}
  return Object.fromEntries(
    Object.entries(stored).flatMap(([id, value]) =>
      parseAccountId(id) === undefined ? [] : [[id, accountPart(readSettingsPatch(value))]]
    )
  )
}
