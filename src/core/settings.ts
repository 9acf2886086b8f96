import * as v from 'valibot'
import { CALL_SCHEMAS } from '../shared/api-schema.ts'
import type { Settings, Status } from '../shared/model.ts'
import { STATUS } from '../shared/protocol/index.ts'

/** What the core keeps between runs, by key. */
export interface StoredAccount {
  readonly uin: number
  readonly rememberPassword: boolean
  readonly autoLogin: boolean
  readonly status: Status
  /** The password sealed by the SecretBox; absent unless remembered. */
  readonly sealedPassword?: string
}

export interface StoredData {
  readonly settings: Settings
  readonly accounts: readonly StoredAccount[]
  /** D-27: the certificate fingerprint the user accepted, by https origin. */
  readonly certificates: Readonly<Record<string, string>>
}

/**
 * Where settings live: electron-store in the app (whose `get`/`set` fit as they are), a
 * JSON file for the command line. Values come back `unknown`: a file may be old or edited
 * by hand, so the core checks everything it reads.
 */
export interface SettingsStore {
  get(key: keyof StoredData): unknown
  set<K extends keyof StoredData>(key: K, value: StoredData[K]): void
}

/** Encryption for remembered passwords: `safeStorage` in the app. */
export interface SecretBox {
  available(): boolean
  encrypt(text: string): string
  decrypt(blob: string): string
}

/** The command line never remembers a password. */
export const NO_SECRETS: SecretBox = {
  available: () => false,
  encrypt: () => {
    throw new Error('no encryption available')
  },
  decrypt: () => {
    throw new Error('no encryption available')
  }
}

export const DEFAULT_AUTO_REPLY = '您好，我现在有事不在，一会再和您联系。'

export const DEFAULT_SETTINGS: Settings = {
  server: '',
  hostForLan: false,
  pollIntervalMs: 2_000,
  sendKey: 'enter',
  theme: 'system',
  language: 'system',
  notifications: 'full',
  sounds: true,
  autostart: false,
  autoReply: { enabled: false, text: DEFAULT_AUTO_REPLY }
}

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
