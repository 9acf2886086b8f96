import type { Settings } from '../../shared/model.ts'

/**
 * Which settings the app has once and which each account has its own of. The app's: the
 * look, the language, the server the login window offers, hosting, autostart. An account's:
 * how it sends, polls, notifies, sounds and answers while away.
 */
export const APP_KEYS = ['server', 'hostForLan', 'theme', 'language', 'autostart'] as const
export const ACCOUNT_KEYS = [
  'pollIntervalMs',
  'sendKey',
  'notifications',
  'sounds',
  'autoReply'
] as const satisfies readonly Exclude<keyof Settings, (typeof APP_KEYS)[number]>[]

export type AppKey = (typeof APP_KEYS)[number]
export type AccountKey = (typeof ACCOUNT_KEYS)[number]
export type AppSettings = Pick<Settings, AppKey>
export type AccountSettings = Pick<Settings, AccountKey>

function pick<K extends keyof Settings>(
  patch: Partial<Settings>,
  keys: readonly K[]
): Partial<Pick<Settings, K>> {
  return Object.fromEntries(
    keys.filter((key) => patch[key] !== undefined).map((key) => [key, patch[key]])
  ) as Partial<Pick<Settings, K>>
}

export const appPart = (patch: Partial<Settings>): Partial<AppSettings> => pick(patch, APP_KEYS)
export const accountPart = (patch: Partial<Settings>): Partial<AccountSettings> =>
  pick(patch, ACCOUNT_KEYS)
