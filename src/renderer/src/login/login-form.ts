import { BUILT_IN_SERVER, parseAccountId } from '../../../shared/account-id.ts'
import type { LoginOptions, LoginRequest, SavedAccount, Status } from '../../../shared/model.ts'
import { STATUS } from '../../../shared/protocol/dictionaries.ts'

const MAX_UIN = 4294967295

export interface LoginForm {
  server: string
  uin: string
  password: string
  rememberPassword: boolean
  autoLogin: boolean
  status: Status
}

export type LoginProblem = 'badUin' | 'noPassword'

/** A number the protocol can carry (D-12: 10000 … 4294967295). */
export function parseUin(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{5,10}$/.test(trimmed)) return null
  const uin = Number(trimmed)
  return uin >= 10000 && uin <= MAX_UIN ? uin : null
}

/**
 * The form a window opens with: the last account used that is not signed in already (the
 * window then serves to add another), or empty.
 */
export function initialForm(options: LoginOptions | null): LoginForm {
  const lost = options?.lost
  if (options === null || lost === undefined) {
    return formFor(
      options,
      options?.savedAccounts.find((account) => !account.signedIn)
    )
  }
  // Signed out by the server or the network, or refused at start: that number and its
  // server, to log in again.
  const form = formFor(
    options,
    options.savedAccounts.find((account) => account.uin === lost.uin)
  )
  const builtIn = parseAccountId(lost.account)?.serverKey === BUILT_IN_SERVER
  return { ...form, uin: String(lost.uin), server: builtIn ? '' : lost.server }
}

/**
 * The form once the options have loaded: the one they suggest, unless the person has begun
 * typing meanwhile (a window opened on a busy machine): what they typed stays.
 */
export function formAfterLoad(current: LoginForm, options: LoginOptions | null): LoginForm {
  const untouched = Object.entries(initialForm(null)).every(
    ([field, value]) => current[field as keyof LoginForm] === value
  )
  return untouched ? initialForm(options) : current
}

/** The form filled in for one saved account (or empty, without one). */
function formFor(options: LoginOptions | null, last: SavedAccount | undefined): LoginForm {
  return {
    server: options && !options.embedded ? options.server : '',
    uin: last ? String(last.uin) : '',
    password: '',
    rememberPassword: last?.rememberPassword ?? false,
    autoLogin: last?.autoLogin ?? false,
    status: last && last.status !== STATUS.OFFLINE ? last.status : STATUS.ONLINE
  }
}

/** True when the app keeps a password for `uin`, so the field may stay empty. */
export const hasRememberedPassword = (options: LoginOptions | null, uin: number | null): boolean =>
  uin !== null && (options?.savedAccounts.some((a) => a.uin === uin && a.rememberPassword) ?? false)

/** The request the form stands for, or what to fix first. */
export function loginRequest(
  form: LoginForm,
  options: LoginOptions | null
): LoginRequest | LoginProblem {
  const uin = parseUin(form.uin)
  if (uin === null) return 'badUin'
  if (form.password === '' && !hasRememberedPassword(options, uin)) return 'noPassword'
  return {
    uin,
    password: form.password,
    status: form.status,
    rememberPassword: form.rememberPassword,
    // Logging in by itself needs the password kept.
    autoLogin: form.autoLogin && form.rememberPassword,
    server: form.server.trim()
  }
}

/**
 * True when the one-click demo accounts apply: they live on the built-in server only, and
 * log in there without a password, so they go away as soon as another server is typed.
 */
export function showsDemoAccounts(form: LoginForm, options: LoginOptions | null): boolean {
  if (!options?.embedded || options.demoAccounts.length === 0) return false
  const server = form.server.trim()
  return server === '' || server === options.server
}
