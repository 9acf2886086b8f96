import type { AccountId } from '../../shared/account-id.ts'
import type { Settings, Status } from '../../shared/model.ts'
import type { AccountSettings, AppSettings } from './scopes.ts'

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
  /** The app's settings (a profile made before several accounts also has the others here). */
  readonly settings: Partial<AppSettings> | Settings
  /**
   * Each account's own settings, by account id: here rather than in the account's folder, so
   * that every setting is in one file written whole (never half of one) and the folders hold
   * only history, which the command line reads without the settings.
   */
  readonly accountSettings: Readonly<Record<AccountId, Partial<AccountSettings>>>
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
