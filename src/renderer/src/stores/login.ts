import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { LoginOptions, LoginRequest, Me } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'

/** The login window: what it offers, and one login at a time. */
export const useLoginStore = defineStore('login', () => {
  const options = shallowRef<LoginOptions | null>(null)
  const busy = ref(false)
  const error = shallowRef<AppError | null>(null)

  async function loadOptions(): Promise<void> {
    const result = await bridge().getLoginOptions()
    if (result.ok) options.value = result.value
    else error.value = result.error
  }

  async function login(request: LoginRequest): Promise<Me | null> {
    if (busy.value) return null
    busy.value = true
    error.value = null
    const result = await bridge().login(request)
    busy.value = false
    if (!result.ok) {
      error.value = result.error
      return null
    }
    return result.value
  }

  return { options, busy, error, loadOptions, login }
})
