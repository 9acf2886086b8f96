import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { Profile } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'

/** Full profiles (GetInfo level 3) by number, as fetched; a refresh asks the server again. */
export const useProfileStore = defineStore('profile', () => {
  const qq = bridge()
  const profiles = shallowRef<ReadonlyMap<number, Profile>>(new Map())
  const loading = ref<number | null>(null)
  const errors = shallowRef<ReadonlyMap<number, AppError>>(new Map())

  async function load(uin: number, refresh = false): Promise<void> {
    loading.value = uin
    const result = await qq.getProfile(uin, refresh)
    if (loading.value === uin) loading.value = null
    const nextErrors = new Map(errors.value)
    if (result.ok) {
      profiles.value = new Map(profiles.value).set(uin, result.value)
      nextErrors.delete(uin)
    } else nextErrors.set(uin, result.error)
    errors.value = nextErrors
  }

  return { profiles, loading, errors, load }
})
