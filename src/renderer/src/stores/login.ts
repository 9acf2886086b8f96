import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { LoginOptions, LoginRequest, Me } from '../../../shared/model.ts'
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

/** The login window: what it offers, and one login at a time. */
export const useLoginStore = defineStore('login', () => {
  const options = shallowRef<LoginOptions | null>(null)
  const busy = ref(false)
  const error = shallowRef<AppError | null>(null)
  const pendingCertificate = shallowRef<PendingCertificate | null>(null)

  async function loadOptions(): Promise<void> {
    const result = await bridge().getLoginOptions()
    if (result.ok) options.value = result.value
    else error.value = result.error
  }

  async function login(request: LoginRequest): Promise<Me | null> {
    if (busy.value) return null
    busy.value = true
    error.value = null
    pendingCertificate.value = null
    const result = await bridge().login(request)
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
  async function acceptCertificate(): Promise<Me | null> {
    const pending = pendingCertificate.value
    if (pending === null) return null
    return login({ ...pending.request, fingerprint: pending.fingerprint })
  }

  function dismissCertificate(): void {
    pendingCertificate.value = null
  }

  return {
    options,
    busy,
    error,
    pendingCertificate,
    loadOptions,
    login,
    acceptCertificate,
    dismissCertificate
  }
})
