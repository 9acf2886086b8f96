import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { Status, SystemMessage } from '../../../shared/model.ts'
import { bridge } from '../bridge.ts'
import {
  ONLINE_NOTICES_KEPT,
  onlineNoticesKey,
  readOnlineNotices,
  type OnlineNotice
} from '../system/online-notices.ts'

/** Friend requests, answers to mine, and friends coming online. */
export const useSystemStore = defineStore('system', () => {
  const messages = shallowRef<readonly SystemMessage[]>([])
  /** Newest first. */
  const onlineNotices = shallowRef<readonly OnlineNotice[]>([])
  const answering = ref<string | null>(null)
  const error = shallowRef<AppError | null>(null)

  /** Requests nobody has answered yet: the count on the buddy list's button. */
  const waiting = computed(
    () => messages.value.filter((message) => message.kind === 'request' && !message.answer).length
  )
  const newestFirst = computed(() => [...messages.value].sort((a, b) => b.time - a.time))

  function applyAll(next: readonly SystemMessage[]): void {
    messages.value = next
  }

  function applyMessage(message: SystemMessage): void {
    const others = messages.value.filter((known) => known.id !== message.id)
    messages.value = [...others, message]
  }

  /** The account whose notices this window writes (the buddy list) or follows; null: neither. */
  let account: number | null = null
  let writing = false

  /** The buddy list window writes down friends coming online, for the system window. */
  function recordOnlineNotices(uin: number): void {
    account = uin
    writing = true
    onlineNotices.value = readOnlineNotices(localStorage.getItem(onlineNoticesKey(uin)))
  }

  /** The system window shows them, following what the buddy list writes. */
  function followOnlineNotices(uin: number): () => void {
    account = uin
    const key = onlineNoticesKey(uin)
    onlineNotices.value = readOnlineNotices(localStorage.getItem(key))
    const onStorage = (event: StorageEvent): void => {
      if (event.key === key) onlineNotices.value = readOnlineNotices(event.newValue)
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }

  function applyPresence(
    uin: number,
    status: Status,
    previous: Status | undefined,
    now: number
  ): void {
    if (!writing || account === null) return
    if (status !== 10 || previous === 10 || previous === 30) return
    onlineNotices.value = [{ uin, time: now }, ...onlineNotices.value].slice(0, ONLINE_NOTICES_KEPT)
    localStorage.setItem(onlineNoticesKey(account), JSON.stringify(onlineNotices.value))
  }

  async function answer(message: SystemMessage, accept: boolean, reason: string): Promise<boolean> {
    answering.value = message.id
    const result = await bridge().answerRequest(message.from, accept, reason)
    answering.value = null
    if (!result.ok) {
      error.value = result.error
      return false
    }
    error.value = null
    applyMessage({ ...message, answer: accept ? 'accepted' : 'refused' })
    return true
  }

  return {
    messages,
    onlineNotices,
    answering,
    error,
    waiting,
    newestFirst,
    applyAll,
    applyMessage,
    applyPresence,
    recordOnlineNotices,
    followOnlineNotices,
    answer
  }
})
