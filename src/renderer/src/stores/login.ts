import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { LoginOptions, LoginRequest, SignedIn } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'

/**
 * D-27: a certificate the server showed that no authority vouches for, or that is not the
 * one accepted before: what the user compares with the server's admin, and the login to
 * try again with it once accepted.
 */
export interface PendingCertificate {
  readonly fingerprint: string
  /** CERTIFICATE_CHANGED: another certificate was accepted for this server before. */
  readonly changed: boolean
  readonly request: LoginRequest
}

/** The login window: what it offers, the accounts signed in already, and one login at a time. */
export const useLoginStore = defineStore('login', () => {
  const qq = bridge()
  const options = shallowRef<LoginOptions | null>(null)
  /** Every account signed in now, in the order they signed in (another login adds one). */
  const signedIn = shallowRef<readonly SignedIn[]>([])
  const busy = ref(false)
  const error = shallowRef<AppError | null>(null)
  const pendingCertificate = shallowRef<PendingCertificate | null>(null)

  async function loadOptions(): Promise<void> {
    const result = await qq.getLoginOptions()
    if (!result.ok) {
      error.value = result.error
      return
    }
    options.value = result.value
    signedIn.value = result.value.signedIn
  }

  /** The signed-in set changed: the list follows, and so do the saved accounts' marks. */
  function applyAccounts(accounts: readonly SignedIn[]): void {
    signedIn.value = accounts
    // Only the login window has the options, and their `signedIn` marks are now stale.
    if (options.value !== null) void loadOptions()
  }

  async function login(request: LoginRequest): Promise<SignedIn | null> {
    if (busy.value) return null
    busy.value = true
    error.value = null
    pendingCertificate.value = null
    const result = await qq.login(request)
    busy.value = false
    if (!result.ok) {
      error.value = result.error
      const { code, fingerprint } = result.error
      if (fingerprint !== undefined) {
        pendingCertificate.value = { fingerprint, changed: code === 'CERTIFICATE_CHANGED', request }
      }
      return null
    }
    return result.value
  }

  /** The user compared the fingerprint and accepts it: the same login, trusting it. */
  async function acceptCertificate(): Promise<SignedIn | null> {
    const pending = pendingCertificate.value
    if (pending === null) return null
    return login({ ...pending.request, fingerprint: pending.fingerprint })
  }

  function dismissCertificate(): void {
    pendingCertificate.value = null
  }

  return {
    options,
    signedIn,
    busy,
    error,
    pendingCertificate,
    loadOptions,
    applyAccounts,
    login,
    acceptCertificate,
    dismissCertificate
  }
})
